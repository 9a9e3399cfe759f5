using Augment.Torch.Tuning.Bayes;
using FsCheck.Xunit;

namespace Augment.Torch.Tests.Tuning.Bayes;

public class ExpectedImprovementTests
{
    [Fact]
    public void Maximize_KnownValue_MatchesScipy()
    {
        // scipy: (μ−best−ξ)·norm.cdf(z) + σ·norm.pdf(z) with μ=0.5, σ=0.3, best=0.4, ξ=0.01
        Assert.Equal(0.17002837263516296, ExpectedImprovement.Maximize(0.5, 0.3, 0.4, 0.01), 6);
    }

    [Fact]
    public void Maximize_MeanAtBest_IsSigmaTimesPdfZero()
    {
        Assert.Equal(2 / Math.Sqrt(2 * Math.PI), ExpectedImprovement.Maximize(1, 2, 1, 0), 7);
    }

    [Fact]
    public void Maximize_ZeroSigma_IsPlainImprovement()
    {
        Assert.Equal(0.5, ExpectedImprovement.Maximize(1.5, 0, 1, 0));
        Assert.Equal(0, ExpectedImprovement.Maximize(0.5, 0, 1, 0));
    }

    [Fact]
    public void Minimize_MirrorsMaximize()
    {
        Assert.Equal(ExpectedImprovement.Maximize(-0.2, 0.5, -0.3), ExpectedImprovement.Minimize(0.2, 0.5, 0.3), 12);
    }

    [Fact]
    public void NormalCdf_KnownValues()
    {
        Assert.Equal(0.5, ExpectedImprovement.NormalCdf(0), 7);
        Assert.Equal(0.9750021048517795, ExpectedImprovement.NormalCdf(1.96), 6);
        Assert.Equal(0.022750131948179195, ExpectedImprovement.NormalCdf(-2), 6);
    }

    [Property]
    public bool Maximize_IsNonNegativeAndIncreasingInMean(short m, byte s)
    {
        var mean = m / 1000.0;
        var sd = s / 100.0 + 0.01;
        var a = ExpectedImprovement.Maximize(mean, sd, 0.1);
        var b = ExpectedImprovement.Maximize(mean + 0.05, sd, 0.1);
        return a >= 0 && b >= a - 1e-12;
    }

    [Property]
    public bool Maximize_IsAtLeastPlainImprovement(short m, byte s)
    {
        var mean = m / 1000.0;
        var sd = s / 100.0;
        return ExpectedImprovement.Maximize(mean, sd, 0, 0) >= Math.Max(0, mean) - 1e-7;
    }
}
