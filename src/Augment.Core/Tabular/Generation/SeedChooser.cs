using Augment.Core.Randomness;

namespace Augment.Core.Tabular.Generation;

/// <summary>How a synthetic row picks its seed row: uniformly (SMOTE, Borderline-SMOTE) or by a fixed allocation
/// of rows per seed (ADASYN: row j belongs to the seed whose cumulative count first exceeds j).</summary>
internal sealed class SeedChooser
{
    private readonly long[]? _prefix;
    private readonly int _seeds;

    private SeedChooser(int seeds, long[]? prefix)
    {
        _seeds = seeds;
        _prefix = prefix;
    }

    public static SeedChooser Uniform(int seeds) => new(seeds, null);

    /// <summary>Seed s gets <paramref name="perSeed"/>[s] consecutive rows.</summary>
    public static SeedChooser Allocated(ReadOnlySpan<int> perSeed)
    {
        var prefix = new long[perSeed.Length + 1];
        for (var s = 0; s < perSeed.Length; s++)
        {
            prefix[s + 1] = prefix[s] + perSeed[s];
        }
        return new SeedChooser(perSeed.Length, prefix);
    }

    /// <summary>Total rows of an allocation (null for uniform choice).</summary>
    public long? Total => _prefix?[^1];

    public int Choose(long j, ref Rng rng)
    {
        if (_prefix is null)
        {
            return rng.NextInt(_seeds);
        }
        var lo = 0;
        var hi = _seeds;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >>> 1;
            if (_prefix[mid] <= j)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
