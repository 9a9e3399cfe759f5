using Augment.Core.Randomness;

namespace Augment.Core.Data;

/// <summary>Plans epochs: which samples (with repeats, after class balancing) in which order. A pure function of
/// (labels, balancing, seed, shuffle, epoch): the same on every replica, worker count and restart.
/// A class with target t and n samples gives every sample floor(t / n) draws and a keyed choice of
/// t mod n samples one more; the epoch is then shuffled with <see cref="Permutations.ForEpoch"/>.</summary>
internal sealed class EpochPlanner
{
    /// <summary>Largest number of samples one epoch may hold after balancing.</summary>
    public const long MaxEpochSamples = 10_000_000;

    private static readonly ulong BalanceStream = StableHash.Of("augment.balance");

    private readonly IReadOnlyList<int> _labels;
    private readonly int[][] _members;
    private readonly long[] _targets;
    private readonly ulong _seed;
    private readonly bool _shuffle;

    /// <summary>Validates the balancing and computes the per-class targets.</summary>
    /// <exception cref="ArgumentException">A weight is negative, not finite or names no class; the epoch is empty or too large.
    /// The message starts with the field path (balance.class_weights[label]).</exception>
    public EpochPlanner(IReadOnlyList<int> labels, int classCount, BalanceStrategy strategy,
        IReadOnlyDictionary<long, double>? weights, ulong seed, bool shuffle)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _labels = labels;
        _seed = seed;
        _shuffle = shuffle;
        var counts = new int[classCount];
        foreach (var label in labels)
        {
            counts[label]++;
        }
        _members = new int[classCount][];
        var fill = new int[classCount];
        for (var c = 0; c < classCount; c++)
        {
            _members[c] = new int[counts[c]];
        }
        for (var i = 0; i < labels.Count; i++)
        {
            _members[labels[i]][fill[labels[i]]++] = i;
        }
        ClassCounts = counts;
        _targets = Targets(counts, strategy, weights ?? new Dictionary<long, double>());
        EpochSize = _targets.Sum();
        if (EpochSize == 0)
        {
            throw new ArgumentException("balance: the epoch is empty (every class weight is 0, or the dataset has no samples)");
        }
        if (EpochSize > MaxEpochSamples)
        {
            throw new ArgumentException($"balance: an epoch would hold {EpochSize} samples (limit {MaxEpochSamples})");
        }
    }

    /// <summary>Samples per class in the dataset.</summary>
    public IReadOnlyList<int> ClassCounts { get; }

    /// <summary>Draws per class in every epoch (the effective class counts).</summary>
    public IReadOnlyList<long> EffectiveCounts => _targets;

    /// <summary>Samples per epoch after balancing.</summary>
    public long EpochSize { get; }

    /// <summary>The ordered samples of epoch <paramref name="epoch"/>.</summary>
    public PlannedSample[] Plan(long epoch)
    {
        var n = _labels.Count;
        var extra = new bool[n];
        for (var c = 0; c < _members.Length; c++)
        {
            var count = _members[c].Length;
            if (count == 0)
            {
                continue;
            }
            var remainder = (int)(_targets[c] % count);
            if (remainder == 0)
            {
                continue;
            }
            var chosen = (int[])_members[c].Clone();
            var rng = new SampleKey(_seed, epoch, c).For(BalanceStream);
            rng.Shuffle(chosen.AsSpan());
            for (var k = 0; k < remainder; k++)
            {
                extra[chosen[k]] = true;
            }
        }
        var canonical = new PlannedSample[EpochSize];
        var p = 0;
        for (var i = 0; i < n; i++)
        {
            var c = _labels[i];
            var copies = _targets[c] / _members[c].Length + (extra[i] ? 1 : 0);
            for (var r = 0; r < copies; r++)
            {
                canonical[p++] = new PlannedSample(i, r);
            }
        }
        if (!_shuffle)
        {
            return canonical;
        }
        var order = Permutations.ForEpoch(_seed, epoch, canonical.Length);
        var result = new PlannedSample[canonical.Length];
        for (var k = 0; k < order.Length; k++)
        {
            result[k] = canonical[order[k]];
        }
        return result;
    }

    private static long[] Targets(int[] counts, BalanceStrategy strategy, IReadOnlyDictionary<long, double> weights)
    {
        foreach (var (label, weight) in weights)
        {
            if (strategy != BalanceStrategy.ClassWeights)
            {
                throw new ArgumentException("balance.class_weights: only used with BALANCE_MODE_CLASS_WEIGHTS");
            }
            if (label < 0 || label >= counts.Length)
            {
                throw new ArgumentException($"balance.class_weights[{label}]: no class with label {label} (labels are 0..{counts.Length - 1})");
            }
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentException($"balance.class_weights[{label}]: weight {weight} must be finite and >= 0");
            }
        }
        var max = counts.Length == 0 ? 0 : counts.Max();
        var targets = new long[counts.Length];
        for (var c = 0; c < counts.Length; c++)
        {
            targets[c] = strategy switch
            {
                BalanceStrategy.None => counts[c],
                BalanceStrategy.Oversample => counts[c] == 0 ? 0 : max,
                BalanceStrategy.ClassWeights => (long)Math.Round(
                    counts[c] * (weights.TryGetValue(c, out var w) ? w : 1.0), MidpointRounding.AwayFromZero),
                _ => throw new ArgumentOutOfRangeException(nameof(strategy)),
            };
            if (targets[c] > MaxEpochSamples)
            {
                throw new ArgumentException($"balance.class_weights[{c}]: class would hold {targets[c]} samples per epoch (limit {MaxEpochSamples})");
            }
        }
        return targets;
    }
}
