using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Augment.Core.Tabular.Neighbors;

/// <summary>Exact k-nearest-neighbour search by blocked brute force: squared Euclidean distances in float64
/// (differences squared and summed in dimension order, no FMA, so a scalar loop gives the same bits), a
/// register-blocked 4-query x 8-reference kernel over dimension-major reference tiles, query blocks in
/// parallel. Ties go to the lower reference index; results are identical for any degree of parallelism.</summary>
internal static class ExactNearestNeighbors
{
    private const int QueryGroup = 4;
    private const int QueryBlock = 64;
    private const int TileChunk = 48;

    /// <summary>The <paramref name="k"/> nearest reference rows of every query row.</summary>
    /// <param name="reference">The rows searched.</param>
    /// <param name="queries">The rows whose neighbours are wanted (same column count).</param>
    /// <param name="k">Neighbours per query.</param>
    /// <param name="self">Optional: for query i, a reference row never returned (the query itself), or -1.</param>
    /// <param name="maxDegreeOfParallelism">Threads used (-1: all).</param>
    /// <param name="cancellationToken">Stops the search between blocks.</param>
    public static NeighborTable Search(FeatureMatrix reference, FeatureMatrix queries, int k, int[]? self,
        int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (reference.Columns != queries.Columns)
        {
            throw new ArgumentException($"queries have {queries.Columns} columns, reference has {reference.Columns}");
        }
        if (self is not null && self.Length != queries.Rows)
        {
            throw new ArgumentException("self needs one entry per query", nameof(self));
        }
        var available = reference.Rows - (self is null ? 0 : 1);
        if (available < k)
        {
            throw new ArgumentException($"Expected n_neighbors <= n_samples, but n_samples = {available}, n_neighbors = {k}");
        }
        var tiles = new TransposedTiles(reference);
        var result = new int[queries.Rows * k];
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? -1 : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        Parallel.For(0, blocks, options, b =>
        {
            var start = b * QueryBlock;
            var end = Math.Min(start + QueryBlock, queries.Rows);
            SearchBlock(tiles, queries, k, self, start, end, result);
        });
        return new NeighborTable(result, queries.Rows, k);
    }

    private static void SearchBlock(TransposedTiles tiles, FeatureMatrix queries, int k, int[]? self, int start, int end, int[] result)
    {
        var count = end - start;
        var bestD = new double[count * k];
        var bestI = new int[count * k];
        bestD.AsSpan().Fill(double.PositiveInfinity);
        bestI.AsSpan().Fill(-1);
        Span<double> dist = stackalloc double[QueryGroup * TransposedTiles.Width];
        Span<int> rows = stackalloc int[QueryGroup];
        var d = tiles.Dimensions;
        for (var chunk = 0; chunk < tiles.TileCount; chunk += TileChunk)
        {
            var chunkEnd = Math.Min(chunk + TileChunk, tiles.TileCount);
            for (var g = start; g < end; g += QueryGroup)
            {
                var active = Math.Min(QueryGroup, end - g);
                for (var qq = 0; qq < QueryGroup; qq++)
                {
                    rows[qq] = g + Math.Min(qq, active - 1);
                }
                for (var t = chunk; t < chunkEnd; t++)
                {
                    Kernel(tiles.Data, (long)t * d * TransposedTiles.Width, d, queries.Data, rows, dist);
                    var firstRef = t * TransposedTiles.Width;
                    for (var qq = 0; qq < active; qq++)
                    {
                        var local = g + qq - start;
                        var skip = self is null ? -1 : self[g + qq];
                        Offer(dist.Slice(qq * TransposedTiles.Width, TransposedTiles.Width), firstRef, skip,
                            bestD.AsSpan(local * k, k), bestI.AsSpan(local * k, k));
                    }
                }
            }
        }
        bestI.CopyTo(result.AsSpan(start * k, count * k));
    }

    /// <summary>Inserts the candidates that beat the current k-th distance (strictly: an equal distance from a
    /// later reference row loses, which makes ties go to the lower index).</summary>
    private static void Offer(ReadOnlySpan<double> candidates, int firstRef, int skip, Span<double> bestD, Span<int> bestI)
    {
        var k = bestD.Length;
        var threshold = bestD[k - 1];
        for (var lane = 0; lane < candidates.Length; lane++)
        {
            var dd = candidates[lane];
            if (!(dd < threshold) || firstRef + lane == skip)
            {
                continue;
            }
            var pos = k - 1;
            while (pos > 0 && bestD[pos - 1] > dd)
            {
                bestD[pos] = bestD[pos - 1];
                bestI[pos] = bestI[pos - 1];
                pos--;
            }
            bestD[pos] = dd;
            bestI[pos] = firstRef + lane;
            threshold = bestD[k - 1];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel(double[] tileData, long tileOffset, int d, double[] queryData, ReadOnlySpan<int> rows, Span<double> dist)
    {
        ref var tile = ref tileData[tileOffset];
        ref var q0 = ref queryData[(long)rows[0] * d];
        ref var q1 = ref queryData[(long)rows[1] * d];
        ref var q2 = ref queryData[(long)rows[2] * d];
        ref var q3 = ref queryData[(long)rows[3] * d];
        var a00 = Vector256<double>.Zero;
        var a01 = Vector256<double>.Zero;
        var a10 = Vector256<double>.Zero;
        var a11 = Vector256<double>.Zero;
        var a20 = Vector256<double>.Zero;
        var a21 = Vector256<double>.Zero;
        var a30 = Vector256<double>.Zero;
        var a31 = Vector256<double>.Zero;
        for (var f = 0; f < d; f++)
        {
            var r0 = Vector256.LoadUnsafe(ref tile, (nuint)(f * TransposedTiles.Width));
            var r1 = Vector256.LoadUnsafe(ref tile, (nuint)(f * TransposedTiles.Width + 4));
            var b = Vector256.Create(Unsafe.Add(ref q0, f));
            var e0 = r0 - b;
            var e1 = r1 - b;
            a00 += e0 * e0;
            a01 += e1 * e1;
            b = Vector256.Create(Unsafe.Add(ref q1, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a10 += e0 * e0;
            a11 += e1 * e1;
            b = Vector256.Create(Unsafe.Add(ref q2, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a20 += e0 * e0;
            a21 += e1 * e1;
            b = Vector256.Create(Unsafe.Add(ref q3, f));
            e0 = r0 - b;
            e1 = r1 - b;
            a30 += e0 * e0;
            a31 += e1 * e1;
        }
        a00.CopyTo(dist);
        a01.CopyTo(dist[4..]);
        a10.CopyTo(dist[8..]);
        a11.CopyTo(dist[12..]);
        a20.CopyTo(dist[16..]);
        a21.CopyTo(dist[20..]);
        a30.CopyTo(dist[24..]);
        a31.CopyTo(dist[28..]);
    }
}
