namespace Augment.Torch.Tuning.Bayes;

/// <summary>Shared helpers of the kernels.</summary>
internal static class KernelMath
{
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"kernel: points of dimension {a.Length} and {b.Length}");
        }
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            s += d * d;
        }
        return Math.Sqrt(s);
    }

    public static void Check(double lengthScale, double variance)
    {
        if (!(lengthScale > 0) || !double.IsFinite(lengthScale))
        {
            throw new ArgumentOutOfRangeException(nameof(lengthScale), lengthScale, "length scale must be positive");
        }
        if (!(variance > 0) || !double.IsFinite(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "variance must be positive");
        }
    }
}
