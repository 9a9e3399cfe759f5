namespace Augment.Torch.Tuning.Bayes;

/// <summary>A stationary covariance function k(a, b) = σ²·f(r / ℓ), r the Euclidean distance.</summary>
public interface IKernel
{
    /// <summary>Length scale ℓ.</summary>
    double LengthScale { get; }

    /// <summary>Signal variance σ² (k(a, a)).</summary>
    double Variance { get; }

    /// <summary>The covariance of two points.</summary>
    double Covariance(ReadOnlySpan<double> a, ReadOnlySpan<double> b);

    /// <summary>The same kernel with another length scale.</summary>
    IKernel WithLengthScale(double lengthScale);
}
