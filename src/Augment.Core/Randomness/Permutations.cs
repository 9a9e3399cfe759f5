namespace Augment.Core.Randomness;

/// <summary>Epoch permutations: a pure function of (seed, epoch, count).</summary>
public static class Permutations
{
    private static readonly ulong ShuffleStream = StableHash.Of("augment.shuffle");

    /// <summary>The order in which epoch <paramref name="epoch"/> visits <paramref name="count"/> samples.</summary>
    public static int[] ForEpoch(ulong seed, long epoch, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }
        var rng = new SampleKey(seed, epoch, -1).For(ShuffleStream);
        rng.Shuffle(order.AsSpan());
        return order;
    }
}
