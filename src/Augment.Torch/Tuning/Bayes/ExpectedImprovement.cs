namespace Augment.Torch.Tuning.Bayes;

/// <summary>Expected improvement of a Gaussian posterior N(μ, σ²) over the best value so far, for maximisation:
/// EI = (μ − best − ξ)·Φ(z) + σ·φ(z), z = (μ − best − ξ)/σ; EI = max(0, μ − best − ξ) when σ = 0.
/// Minimisation is the same on negated values.</summary>
public static class ExpectedImprovement
{
    /// <summary>EI for maximisation.</summary>
    public static double Maximize(double mean, double stdDev, double best, double xi = 0.01)
    {
        var improvement = mean - best - xi;
        if (!(stdDev > 0))
        {
            return Math.Max(0, improvement);
        }
        var z = improvement / stdDev;
        return Math.Max(0, improvement * NormalCdf(z) + stdDev * NormalPdf(z));
    }

    /// <summary>EI for minimisation.</summary>
    public static double Minimize(double mean, double stdDev, double best, double xi = 0.01) => Maximize(-mean, stdDev, -best, xi);

    /// <summary>Standard normal density.</summary>
    public static double NormalPdf(double z) => Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);

    /// <summary>Standard normal distribution function Φ(z) = erfc(−z/√2)/2.</summary>
    public static double NormalCdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
