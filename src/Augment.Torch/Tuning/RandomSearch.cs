using Augment.Core.Randomness;

namespace Augment.Torch.Tuning;

/// <summary>Uniform points of the unit cube (log-uniform on log parameters), keyed by (seed, trial index).</summary>
public sealed class RandomSearch(ulong seed) : ISearchStrategy
{
    private static readonly ulong Stream = StableHash.Of("augment.tune.random");

    /// <inheritdoc />
    public Trial? Next(SearchSpace space, IReadOnlyList<TrialResult> history, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        return Sample(space, seed, history.Count);
    }

    /// <summary>The random point for trial <paramref name="index"/>.</summary>
    public static Trial Sample(SearchSpace space, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(space);
        var rng = new SampleKey(seed, 0, index).For(Stream);
        var u = new double[space.Dimensions];
        for (var d = 0; d < u.Length; d++)
        {
            u[d] = rng.NextDouble();
        }
        return space.Decode(index, u);
    }
}
