namespace Augment.Torch.Tuning.Bayes;

/// <summary>Gaussian-process regression with a zero-mean prior on standardised targets:
/// K = k(X, X) + σₙ²·I = L·Lᵀ, α = K⁻¹·y; mean μ(x) = k(x, X)·α, variance σ²(x) = k(x, x) − ‖L⁻¹·k(X, x)‖².
/// Predictions are returned in the original target units.</summary>
public sealed class GaussianProcess
{
    private readonly double[][] _x;
    private readonly double[] _alpha;
    private readonly Cholesky _chol;
    private readonly double _yMean;
    private readonly double _yStd;

    private GaussianProcess(IKernel kernel, double noise, double[][] x, double[] alpha, Cholesky chol, double yMean, double yStd, double lml)
    {
        Kernel = kernel;
        Noise = noise;
        _x = x;
        _alpha = alpha;
        _chol = chol;
        _yMean = yMean;
        _yStd = yStd;
        LogMarginalLikelihood = lml;
    }

    /// <summary>The kernel.</summary>
    public IKernel Kernel { get; }

    /// <summary>Observation noise variance σₙ² (in standardised units).</summary>
    public double Noise { get; }

    /// <summary>log p(y | X) of the standardised targets.</summary>
    public double LogMarginalLikelihood { get; }

    /// <summary>Fits the process to points <paramref name="x"/> and targets <paramref name="y"/>.</summary>
    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IKernel kernel, double noise = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(kernel);
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException($"gaussian process: {x.Count} points and {y.Count} targets");
        }
        if (!(noise >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be >= 0");
        }
        var n = x.Count;
        var mean = y.Average();
        var std = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / n);
        if (!(std > 1e-12))
        {
            std = 1;
        }
        var ys = y.Select(v => (v - mean) / std).ToArray();
        var k = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                k[i, j] = kernel.Covariance(x[i], x[j]);
                k[j, i] = k[i, j];
            }
            k[i, i] += noise;
        }
        var chol = DecomposeWithJitter(k);
        var alpha = chol.Solve(ys);
        double fit = 0;
        for (var i = 0; i < n; i++)
        {
            fit += ys[i] * alpha[i];
        }
        var lml = -0.5 * fit - 0.5 * chol.LogDeterminant() - 0.5 * n * Math.Log(2 * Math.PI);
        return new GaussianProcess(kernel, noise, [.. x.Select(p => (double[])p.Clone())], alpha, chol, mean, std, lml);
    }

    /// <summary>Fits one process per candidate length scale and keeps the one with the highest log marginal likelihood.</summary>
    public static GaussianProcess FitBestLengthScale(IReadOnlyList<double[]> x, IReadOnlyList<double> y, IKernel kernel, IReadOnlyList<double> lengthScales, double noise = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(lengthScales);
        ArgumentNullException.ThrowIfNull(kernel);
        GaussianProcess? best = null;
        foreach (var l in lengthScales)
        {
            var gp = Fit(x, y, kernel.WithLengthScale(l), noise);
            if (best is null || gp.LogMarginalLikelihood > best.LogMarginalLikelihood)
            {
                best = gp;
            }
        }
        return best ?? throw new ArgumentException("gaussian process: no length scales given");
    }

    /// <summary>Posterior mean and variance at <paramref name="point"/>, in target units.</summary>
    public (double Mean, double Variance) Predict(ReadOnlySpan<double> point)
    {
        var n = _x.Length;
        var ks = new double[n];
        for (var i = 0; i < n; i++)
        {
            ks[i] = Kernel.Covariance(_x[i], point);
        }
        double mu = 0;
        for (var i = 0; i < n; i++)
        {
            mu += ks[i] * _alpha[i];
        }
        var v = _chol.SolveLower(ks);
        var variance = Kernel.Variance;
        foreach (var vi in v)
        {
            variance -= vi * vi;
        }
        variance = Math.Max(variance, 0);
        return (_yMean + _yStd * mu, variance * _yStd * _yStd);
    }

    private static Cholesky DecomposeWithJitter(double[,] k)
    {
        var jitter = 0.0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return Cholesky.Decompose(k);
            }
            catch (ArithmeticException) when (attempt < 6)
            {
                var add = jitter == 0 ? 1e-10 : jitter * 9; // 1e-10, 1e-9, ... total
                jitter += add;
                for (var i = 0; i < k.GetLength(0); i++)
                {
                    k[i, i] += add;
                }
            }
        }
    }
}
