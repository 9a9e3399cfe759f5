namespace Augment.Torch.Training;

/// <summary>Class weights for the loss.</summary>
public static class ClassWeights
{
    /// <summary>scikit-learn's "balanced" weights: w_c = n / (C · n_c); a class with no samples gets 0.</summary>
    public static double[] Balanced(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var n = counts.Sum();
        var present = counts.Count(c => c > 0);
        return [.. counts.Select(c => c == 0 ? 0.0 : (double)n / (present * c))];
    }
}
