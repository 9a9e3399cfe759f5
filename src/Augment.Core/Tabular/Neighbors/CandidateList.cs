namespace Augment.Core.Tabular.Neighbors;

/// <summary>The k best (distance, reference row) pairs of one query, kept sorted by distance; ties go to the lower
/// reference row because a candidate must be strictly better than the current worst to enter.</summary>
internal static class CandidateList
{
    /// <summary>Inserts the candidates that beat the current worst kept distance (strictly: an equal distance from
    /// a later reference row loses, which makes ties go to the lower index).</summary>
    public static void Offer<T>(ReadOnlySpan<T> candidates, int firstRef, int skip, Span<T> bestD, Span<int> bestI)
        where T : struct, System.Numerics.IFloatingPoint<T>
    {
        for (var lane = 0; lane < candidates.Length; lane++)
        {
            TryInsert(candidates[lane], firstRef + lane, skip, bestD, bestI);
        }
    }

    /// <summary><see cref="Offer{T}"/> restricted to the lanes set in <paramref name="lanes"/> (those below the
    /// threshold the kernel compared with; the others cannot be inserted), in lane order: same result.</summary>
    public static void OfferLanes(ReadOnlySpan<float> candidates, uint lanes, int firstRef, int skip, Span<float> bestD, Span<int> bestI)
    {
        while (lanes != 0)
        {
            var lane = System.Numerics.BitOperations.TrailingZeroCount(lanes);
            lanes &= lanes - 1;
            TryInsert(candidates[lane], firstRef + lane, skip, bestD, bestI);
        }
    }

    /// <summary>Sorts by (distance, index), the order of the tuple's default comparer for the non-NaN distances
    /// here; an insertion sort, as the array holds only k plus a few entries.</summary>
    public static void Sort(Span<(double Distance, int Index)> candidates)
    {
        for (var i = 1; i < candidates.Length; i++)
        {
            var item = candidates[i];
            var pos = i;
            while (pos > 0 && (candidates[pos - 1].Distance > item.Distance
                || (candidates[pos - 1].Distance == item.Distance && candidates[pos - 1].Index > item.Index)))
            {
                candidates[pos] = candidates[pos - 1];
                pos--;
            }
            candidates[pos] = item;
        }
    }

    private static void TryInsert<T>(T distance, int index, int skip, Span<T> bestD, Span<int> bestI)
        where T : struct, System.Numerics.IFloatingPoint<T>
    {
        var k = bestD.Length;
        if (!(distance < bestD[k - 1]) || index == skip)
        {
            return;
        }
        var pos = k - 1;
        while (pos > 0 && bestD[pos - 1] > distance)
        {
            bestD[pos] = bestD[pos - 1];
            bestI[pos] = bestI[pos - 1];
            pos--;
        }
        bestD[pos] = distance;
        bestI[pos] = index;
    }
}
