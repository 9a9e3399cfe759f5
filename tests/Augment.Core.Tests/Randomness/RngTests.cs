using Augment.Core.Randomness;

namespace Augment.Core.Tests.Randomness;

public class RngTests
{
    [Fact]
    public void NextUInt64_KeyZero_MatchesPinnedOutputs()
    {
        var rng = new Rng(0);
        var first = new[] { rng.NextUInt64(), rng.NextUInt64(), rng.NextUInt64() };
        Assert.Equal(PinnedKeyZero, first);
    }

    [Fact]
    public void SplitMix64_Next_MatchesReferenceSequence()
    {
        // Reference values of SplitMix64 seeded with 1234567 (from the published C implementation).
        ulong state = 1234567;
        Assert.Equal(6457827717110365317UL, SplitMix64.Next(ref state));
        Assert.Equal(3203168211198807973UL, SplitMix64.Next(ref state));
        Assert.Equal(9817491932198370423UL, SplitMix64.Next(ref state));
    }

    [Fact]
    public void NextInt_ManyDraws_StayInRangeAndCoverIt()
    {
        var rng = new Rng(42);
        var seen = new bool[7];
        for (var i = 0; i < 1000; i++)
        {
            var v = rng.NextInt(7);
            Assert.InRange(v, 0, 6);
            seen[v] = true;
        }
        Assert.All(seen, Assert.True);
    }

    [Fact]
    public void NextDouble_Mean_IsNearHalf()
    {
        var rng = new Rng(7);
        var sum = 0.0;
        for (var i = 0; i < 100_000; i++)
        {
            sum += rng.NextDouble();
        }
        Assert.InRange(sum / 100_000, 0.495, 0.505);
    }

    [Fact]
    public void SampleKey_For_SameKeySameStream_SameDraws()
    {
        var a = new SampleKey(1, 2, 3).For(99);
        var b = new SampleKey(1, 2, 3).For(99);
        var c = new SampleKey(1, 2, 4).For(99);
        var x = a.NextUInt64();
        Assert.Equal(x, b.NextUInt64());
        Assert.NotEqual(x, c.NextUInt64());
    }

    internal static readonly ulong[] PinnedKeyZero = [11091344671253066420UL, 13793997310169335082UL, 1900383378846508768UL];
}
