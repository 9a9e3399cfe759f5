using Augment.Torch.Text.CondBert.Augmentation;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Text.CondBert.Augmentation;

[Collection("torch")]
public sealed class MaskedSamplerTests
{
    [Fact]
    public void InverseCdf_KnownDistribution_MatchesFrequenciesAndNeverDrawsZeroMass()
    {
        using var probs = tensor(new float[] { 0f, 0.25f, 0f, 0.75f, 0f }).unsqueeze(0).expand(20000, 5).contiguous();
        using var generator = new Generator(42);
        using var draws = MaskedSampler.InverseCdf(probs, generator);
        var counts = new int[5];
        foreach (var d in draws.data<long>())
        {
            counts[d]++;
        }

        Assert.Equal(0, counts[0] + counts[2] + counts[4]);
        Assert.InRange(counts[1] / 20000.0, 0.24, 0.26);
    }

    [Fact]
    public void InverseCdf_SameSeed_SameDraws()
    {
        using var probs = rand(50, 100).softmax(1);
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        using var a = MaskedSampler.InverseCdf(probs, g1);
        using var b = MaskedSampler.InverseCdf(probs, g2);
        Assert.Equal(a.data<long>().ToArray(), b.data<long>().ToArray());
    }
}
