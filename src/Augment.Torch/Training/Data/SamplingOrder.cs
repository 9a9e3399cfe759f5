using Augment.Core.Randomness;

namespace Augment.Torch.Training.Data;

/// <summary>Per-epoch visiting orders, pure functions of (seed, epoch): a shuffle of every sample, or a
/// class-balanced draw (each draw picks a class uniformly among the non-empty ones, then a member of that
/// class uniformly, with replacement) of the same length.</summary>
public static class SamplingOrder
{
    private static readonly ulong BalancedStream = StableHash.Of("augment.balanced");

    /// <summary>The epoch's order of sample indices.</summary>
    public static int[] ForEpoch(ISampleSource source, ulong seed, long epoch, bool shuffle, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (balanced)
        {
            return Balanced(source, seed, epoch);
        }
        if (shuffle)
        {
            return Permutations.ForEpoch(seed, epoch, source.Count);
        }
        return [.. Enumerable.Range(0, source.Count)];
    }

    /// <summary>A class-balanced draw with replacement of Count indices.</summary>
    public static int[] Balanced(ISampleSource source, ulong seed, long epoch)
    {
        ArgumentNullException.ThrowIfNull(source);
        var members = new List<int>[source.ClassCount];
        for (var c = 0; c < members.Length; c++)
        {
            members[c] = [];
        }
        for (var i = 0; i < source.Count; i++)
        {
            members[source.Label(i)].Add(i);
        }
        var present = members.Where(m => m.Count > 0).ToArray();
        var order = new int[source.Count];
        if (present.Length == 0)
        {
            return order;
        }
        var rng = new SampleKey(seed, epoch, -2).For(BalancedStream);
        for (var j = 0; j < order.Length; j++)
        {
            var cls = present[rng.NextInt(present.Length)];
            order[j] = cls[rng.NextInt(cls.Count)];
        }
        return order;
    }
}
