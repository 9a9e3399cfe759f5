using System.Runtime.Intrinsics;

namespace Augment.Core.Tabular.Neighbors;

/// <summary>The float32 candidate pass of a self-search (queries = reference, each query skipping itself), using
/// that the approximate distance of rows a and b is also that of b and a: each pair of rows is computed once and
/// offered to both rows' candidate lists, which halves the kernel work.
/// <para>Rows are grouped in blocks of <see cref="BlockTiles"/> tiles. Each block pair is handled by one thread;
/// pairs run in round-robin rounds in which no two pairs share a block, so no list is touched by two threads.
/// Every list ends as the k + extra smallest approximate distances of its row (ties kept in any order), which
/// is all the proof in <see cref="ExactNearestNeighbors"/> relies on: the final answer does not depend on
/// the processing order.</para></summary>
internal static class SymmetricCandidates
{
    private const int BlockTiles = 4;
    private const int Group = 8;

    /// <summary>Fills <paramref name="bestA"/> / <paramref name="bestI"/> (rows x <paramref name="k2"/>, sorted
    /// ascending, +Inf / -1 when empty) with each row's nearest other rows by approximate distance.</summary>
    public static void Build(SingleTiles tiles, float[] centred, double[] norms, int k2, float[] bestA, int[] bestI, ParallelOptions options)
    {
        bestA.AsSpan().Fill(float.PositiveInfinity);
        bestI.AsSpan().Fill(-1);
        var blocks = (tiles.TileCount + BlockTiles - 1) / BlockTiles;
        var state = new State(tiles, centred, norms, k2, bestA, bestI);
        Parallel.For(0, blocks, options, a => state.BlockPair(a, a));
        // Round-robin (circle method) over an even number of slots; the extra slot of an odd count is a bye.
        var slots = blocks + (blocks & 1);
        for (var round = 0; round < slots - 1; round++)
        {
            var r = round;
            Parallel.For(0, slots / 2, options, p =>
            {
                int a, b;
                if (p == 0)
                {
                    a = slots - 1;
                    b = r;
                }
                else
                {
                    a = (r + p) % (slots - 1);
                    b = (r - p + slots - 1) % (slots - 1);
                }
                if (a < blocks && b < blocks)
                {
                    state.BlockPair(Math.Min(a, b), Math.Max(a, b));
                }
            });
        }
    }

    private sealed class State(SingleTiles tiles, float[] centred, double[] norms, int k2, float[] bestA, int[] bestI)
    {
        public void BlockPair(int a, int b)
        {
            var firstA = a * BlockTiles;
            var endA = Math.Min(firstA + BlockTiles, tiles.TileCount);
            var firstB = b * BlockTiles;
            var endB = Math.Min(firstB + BlockTiles, tiles.TileCount);
            Span<float> dist = stackalloc float[Group * SingleTiles.Width];
            Span<int> rows = stackalloc int[Group];
            Span<float> queryNorms = stackalloc float[Group];
            Span<float> thresholds = stackalloc float[Group];
            Span<ushort> masks = stackalloc ushort[Group];
            Span<ushort> transposed = stackalloc ushort[Group];
            Span<float> laneThresholds = stackalloc float[SingleTiles.Width];
            var negative = Vector512.Create(float.NegativeInfinity);
            for (var ta = firstA; ta < endA; ta++)
            {
                for (var half = 0; half < SingleTiles.Width; half += Group)
                {
                    var first = ta * SingleTiles.Width + half;
                    var active = Math.Min(Group, tiles.Rows - first);
                    if (active <= 0)
                    {
                        break;
                    }
                    for (var qq = 0; qq < Group; qq++)
                    {
                        rows[qq] = first + Math.Min(qq, active - 1);
                        queryNorms[qq] = (float)norms[rows[qq]];
                    }
                    for (var tb = a == b ? ta : firstB; tb < endB; tb++)
                    {
                        for (var qq = 0; qq < Group; qq++)
                        {
                            thresholds[qq] = bestA[rows[qq] * k2 + k2 - 1];
                        }
                        var firstRef = tb * SingleTiles.Width;
                        var laneVector = negative;
                        if (ta != tb)
                        {
                            for (var lane = 0; lane < SingleTiles.Width; lane++)
                            {
                                var row = firstRef + lane;
                                laneThresholds[lane] = row < tiles.Rows ? bestA[row * k2 + k2 - 1] : float.NegativeInfinity;
                            }
                            laneVector = Vector512.Create((ReadOnlySpan<float>)laneThresholds);
                        }
                        DistanceKernels.DotSingle8x16Pair(tiles.Data, (long)tb * tiles.Dimensions * SingleTiles.Width, tiles.Norms,
                            (long)tb * SingleTiles.Width, tiles.Dimensions, centred, rows, queryNorms, thresholds, laneVector, dist, masks,
                            transposed);
                        for (var qq = 0; qq < active; qq++)
                        {
                            var q = first + qq;
                            if (masks[qq] != 0)
                            {
                                CandidateList.OfferLanes(dist.Slice(qq * SingleTiles.Width, SingleTiles.Width), masks[qq], firstRef, q,
                                    bestA.AsSpan(q * k2, k2), bestI.AsSpan(q * k2, k2));
                            }
                            uint bits = transposed[qq];
                            while (bits != 0)
                            {
                                var lane = System.Numerics.BitOperations.TrailingZeroCount(bits);
                                bits &= bits - 1;
                                var row = firstRef + lane;
                                OfferOne(dist[qq * SingleTiles.Width + lane], q, bestA.AsSpan(row * k2, k2), bestI.AsSpan(row * k2, k2));
                            }
                        }
                    }
                }
            }
        }

        private static void OfferOne(float value, int index, Span<float> bestD, Span<int> bestI)
        {
            var k = bestD.Length;
            if (!(value < bestD[k - 1]))
            {
                return;
            }
            var pos = k - 1;
            while (pos > 0 && bestD[pos - 1] > value)
            {
                bestD[pos] = bestD[pos - 1];
                bestI[pos] = bestI[pos - 1];
                pos--;
            }
            bestD[pos] = value;
            bestI[pos] = index;
        }
    }
}
