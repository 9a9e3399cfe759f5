using Augment.Torch.Tuning.Bayes;

namespace Augment.Torch.Tests.Tuning.Bayes;

public class GaussianProcessTests
{
    private static readonly double[][] X = [[0.1, 0.2], [0.5, 0.9], [0.8, 0.3], [0.3, 0.6]];
    private static readonly double[] Y = [1.0, 2.5, -0.5, 0.7];

    [Theory]
    // scikit-learn 1.2 GaussianProcessRegressor(kernel, alpha=1e-6, normalize_y=True, optimizer=None)
    [InlineData("rbf", 0.17697922976586233, 0.31407761699844355, 1.5841628369926968, 0.9118351931402867, -6.105423553413524)]
    [InlineData("matern", 0.36507436784395175, 0.4929506903376873, 1.3765835970454205, 0.9837295937871554, -6.02899551437255)]
    public void Predict_MatchesScikitLearn(string kind, double m1, double v1, double m2, double v2, double lml)
    {
        IKernel kernel = kind == "rbf" ? new RbfKernel(0.3) : new Matern52Kernel(0.3);
        var gp = GaussianProcess.Fit(X, Y, kernel, noise: 1e-6);
        var (mean1, var1) = gp.Predict([0.4, 0.4]);
        var (mean2, var2) = gp.Predict([0.9, 0.9]);
        Assert.Equal(m1, mean1, 6);
        Assert.Equal(v1, var1, 6);
        Assert.Equal(m2, mean2, 6);
        Assert.Equal(v2, var2, 6);
        Assert.Equal(lml, gp.LogMarginalLikelihood, 6);
    }

    [Fact]
    public void Predict_AtTrainingPoint_InterpolatesWithNearZeroVariance()
    {
        var gp = GaussianProcess.Fit(X, Y, new RbfKernel(0.3), noise: 1e-8);
        for (var i = 0; i < X.Length; i++)
        {
            var (mean, variance) = gp.Predict(X[i]);
            Assert.Equal(Y[i], mean, 5);
            Assert.True(variance < 1e-5);
        }
    }

    [Fact]
    public void Predict_FarAway_RevertsToPriorMean()
    {
        var gp = GaussianProcess.Fit(X, Y, new RbfKernel(0.1));
        var (mean, _) = gp.Predict([50, 50]);
        Assert.Equal(Y.Average(), mean, 9);
    }

    [Fact]
    public void FitBestLengthScale_PicksHighestLikelihood()
    {
        double[] scales = [0.05, 0.3, 2.0];
        var best = GaussianProcess.FitBestLengthScale(X, Y, new RbfKernel(), scales);
        var all = scales.Select(s => GaussianProcess.Fit(X, Y, new RbfKernel(s)).LogMarginalLikelihood).ToArray();
        Assert.Equal(all.Max(), best.LogMarginalLikelihood, 12);
    }

    [Fact]
    public void Fit_DuplicatePoints_StillFactorises()
    {
        var gp = GaussianProcess.Fit([[0.5], [0.5], [0.5]], [1, 1, 1], new RbfKernel(0.2), noise: 0);
        Assert.Equal(1, gp.Predict([0.5]).Mean, 6);
    }
}
