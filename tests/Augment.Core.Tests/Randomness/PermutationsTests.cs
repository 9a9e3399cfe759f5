using Augment.Core.Randomness;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Randomness;

public class PermutationsTests
{
    [Property]
    public bool ForEpoch_AnySeed_IsAPermutation(ulong seed, byte epoch, byte count)
    {
        var order = Permutations.ForEpoch(seed, epoch, count);
        return order.Order().SequenceEqual(Enumerable.Range(0, count));
    }

    [Fact]
    public void ForEpoch_DifferentEpochs_Differ()
    {
        Assert.NotEqual(Permutations.ForEpoch(1, 0, 100), Permutations.ForEpoch(1, 1, 100));
        Assert.Equal(Permutations.ForEpoch(1, 3, 100), Permutations.ForEpoch(1, 3, 100));
    }
}
