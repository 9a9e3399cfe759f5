using Augment.Core.Data;
using Augment.Core.Randomness;

namespace Augment.Torch.Training.Data;

/// <summary>Per-epoch visiting orders, pure functions of (seed, epoch), planned by Augment.Core's
/// <see cref="EpochPlanner"/> exactly as the service plans them: a shuffle of every sample, or random
/// oversampling (every class drawn as many times as the largest class has samples; a repeat of sample i gets
/// its own augmentation key i + repeat·count).</summary>
public static class SamplingOrder
{
    /// <summary>The epoch's samples: dataset index and the index used in its <see cref="SampleKey"/>.</summary>
    public static (int Index, long KeyIndex)[] Plan(ISampleSource source, ulong seed, long epoch, bool shuffle, bool balanced)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Count == 0)
        {
            return [];
        }
        var labels = new int[source.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = source.Label(i);
        }
        var planner = new EpochPlanner(labels, source.ClassCount, balanced ? BalanceStrategy.Oversample : BalanceStrategy.None, null, seed, shuffle);
        return [.. planner.Plan(epoch).Select(p => (p.Index, p.KeyIndex(labels.Length)))];
    }

    /// <summary>The dataset indices of an oversampled (class-balanced) epoch.</summary>
    public static int[] Balanced(ISampleSource source, ulong seed, long epoch) =>
        [.. Plan(source, seed, epoch, shuffle: true, balanced: true).Select(p => p.Index)];
}
