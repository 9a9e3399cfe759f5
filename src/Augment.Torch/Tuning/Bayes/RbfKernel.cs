namespace Augment.Torch.Tuning.Bayes;

/// <summary>Squared-exponential kernel k = σ²·exp(−r² / (2ℓ²)).</summary>
public sealed class RbfKernel : IKernel
{
    /// <summary>Creates the kernel.</summary>
    public RbfKernel(double lengthScale = 0.2, double variance = 1.0)
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
        var r = KernelMath.Distance(a, b) / LengthScale;
        return Variance * Math.Exp(-0.5 * r * r);
    }

    /// <inheritdoc />
    public IKernel WithLengthScale(double lengthScale) => new RbfKernel(lengthScale, Variance);
}
