namespace Augment.Torch.Tuning.Bayes;

/// <summary>Matérn ν = 5/2 kernel k = σ²·(1 + √5·r/ℓ + 5r²/(3ℓ²))·exp(−√5·r/ℓ) (the usual choice for
/// hyper-parameter search: less smooth than RBF).</summary>
public sealed class Matern52Kernel : IKernel
{
    /// <summary>Creates the kernel.</summary>
    public Matern52Kernel(double lengthScale = 0.2, double variance = 1.0)
    {
        KernelMath.Check(lengthScale, variance);
        LengthScale = lengthScale;
        Variance = variance;
    }

    /// <inheritdoc />
    public double LengthScale { get; }

    /// <inheritdoc />
    public double Variance { get; }

    /// <inheritdoc />
    public double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = Math.Sqrt(5) * KernelMath.Distance(a, b) / LengthScale;
        return Variance * (1 + s + s * s / 3) * Math.Exp(-s);
    }

    /// <inheritdoc />
    public IKernel WithLengthScale(double lengthScale) => new Matern52Kernel(lengthScale, Variance);
}
