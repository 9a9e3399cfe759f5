namespace Augment.Core.Tabular.Neighbors;

/// <summary>Exact k-nearest-neighbour search by blocked brute force, parallel over query blocks.
/// <para>The distance that defines "nearest" is the direct one, <see cref="DistanceKernels.Direct"/>: Σ (r - q)²
/// in float64 accumulated with FMA in dimension order; ties go to the lower reference index. Results are
/// identical for any degree of parallelism.</para>
/// <para>Fast path (d ≥ 4, no expected ties): a candidate pass in float32 on centred data (‖q‖² + ‖r‖² - 2 q·r,
/// one FMA per pair and dimension on 8-wide vectors, like an SGEMM) keeps k + 8 candidates per query; their
/// direct float64 distances are then computed and sorted. A rounding-error bound proves that no row outside the
/// candidates can beat the k-th: when the proof fails (near-ties, duplicates), that query is redone by the
/// direct kernel. So the answer is always the direct kernel's answer.</para></summary>
internal static class ExactNearestNeighbors
{
    private const int QueryGroup = 4;
    private const int WideQueryGroup = 8;
    private const int QueryBlock = 64;
    private const int TileChunk = 48;
    private const int Extra = 8;
    private const int MinDimensionsForDot = 4;
    private const double Unit = 1.0 / (1L << 53);
    private const double SingleUnit = 1.0 / (1 << 24);
    private const double MaxSingleMagnitude = 1e15;

    /// <summary>The <paramref name="k"/> nearest reference rows of every query row.</summary>
    /// <param name="reference">The rows searched.</param>
    /// <param name="queries">The rows whose neighbours are wanted (same column count).</param>
    /// <param name="k">Neighbours per query.</param>
    /// <param name="self">Optional: for query i, a reference row never returned (the query itself), or -1.</param>
    /// <param name="maxDegreeOfParallelism">Threads used (-1: all).</param>
    /// <param name="cancellationToken">Stops the search between blocks.</param>
    /// <param name="expectTies">True when many equal distances are expected (categorical embeddings): skips the
    /// dot-product pass, which could not prove most answers.</param>
    /// <param name="wide">Candidate pass on 16-wide vectors, 8 queries at a time (null: when AVX-512 is
    /// accelerated). Same candidates, same answer either way; a parameter so tests cover both kernels.</param>
    public static NeighborTable Search(FeatureMatrix reference, FeatureMatrix queries, int k, int[]? self,
        int maxDegreeOfParallelism, CancellationToken cancellationToken, bool expectTies = false, bool? wide = null)
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
        var result = new int[queries.Rows * k];
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? -1 : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        var all = Enumerable.Range(0, queries.Rows).ToArray();
        if (expectTies || reference.Columns < MinDimensionsForDot || available <= k + Extra)
        {
            DirectSearch(new TransposedTiles(reference), queries, k, self, all, result, options);
        }
        else
        {
            var failed = DotSearch(reference, queries, k, self, result, options,
                wide ?? System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);
            if (failed.Length > 0)
            {
                DirectSearch(new TransposedTiles(reference), queries, k, self, failed, result, options);
            }
        }
        return new NeighborTable(result, queries.Rows, k);
    }

    private static void DirectSearch(TransposedTiles tiles, FeatureMatrix queries, int k, int[]? self, int[] queryRows,
        int[] result, ParallelOptions options)
    {
        var blocks = (queryRows.Length + QueryBlock - 1) / QueryBlock;
        Parallel.For(0, blocks, options, b =>
        {
            var start = b * QueryBlock;
            var rows = queryRows.AsSpan(start, Math.Min(QueryBlock, queryRows.Length - start));
            DirectBlock(tiles, queries, k, self, rows, result);
        });
    }

    private static void DirectBlock(TransposedTiles tiles, FeatureMatrix queries, int k, int[]? self, ReadOnlySpan<int> queryRows, int[] result)
    {
        var count = queryRows.Length;
        var bestD = new double[count * k];
        var bestI = new int[count * k];
        bestD.AsSpan().Fill(double.PositiveInfinity);
        bestI.AsSpan().Fill(-1);
        Span<double> dist = stackalloc double[QueryGroup * TransposedTiles.Width];
        Span<int> rows = stackalloc int[QueryGroup];
        Span<double> thresholds = stackalloc double[QueryGroup];
        var d = tiles.Dimensions;
        for (var chunk = 0; chunk < tiles.TileCount; chunk += TileChunk)
        {
            var chunkEnd = Math.Min(chunk + TileChunk, tiles.TileCount);
            for (var g = 0; g < count; g += QueryGroup)
            {
                var active = Math.Min(QueryGroup, count - g);
                for (var qq = 0; qq < QueryGroup; qq++)
                {
                    rows[qq] = queryRows[g + Math.Min(qq, active - 1)];
                }
                for (var qq = 0; qq < QueryGroup; qq++)
                {
                    thresholds[qq] = bestD[(g + Math.Min(qq, active - 1)) * k + k - 1];
                }
                for (var t = chunk; t < chunkEnd; t++)
                {
                    var mask = DistanceKernels.Direct4x8(tiles.Data, (long)t * d * TransposedTiles.Width, d, queries.Data, rows, thresholds, dist);
                    if (mask == 0)
                    {
                        continue;
                    }
                    var firstRef = t * TransposedTiles.Width;
                    for (var qq = 0; qq < active; qq++)
                    {
                        if (((mask >> (qq * 8)) & 0xFF) == 0)
                        {
                            continue;
                        }
                        var local = g + qq;
                        CandidateList.Offer(dist.Slice(qq * TransposedTiles.Width, TransposedTiles.Width), firstRef, self is null ? -1 : self[rows[qq]],
                            bestD.AsSpan(local * k, k), bestI.AsSpan(local * k, k));
                        thresholds[qq] = bestD[local * k + k - 1];
                    }
                }
            }
        }
        for (var i = 0; i < count; i++)
        {
            bestI.AsSpan(i * k, k).CopyTo(result.AsSpan(queryRows[i] * k, k));
        }
    }

    /// <summary>The float32 candidate pass; returns the queries whose answer could not be proven.</summary>
    private static int[] DotSearch(FeatureMatrix reference, FeatureMatrix queries, int k, int[]? self, int[] result, ParallelOptions options,
        bool wide)
    {
        var d = reference.Columns;
        var centre = new double[d];
        for (var r = 0; r < reference.Rows; r++)
        {
            for (var f = 0; f < d; f++)
            {
                centre[f] += reference.Data[(long)r * d + f];
            }
        }
        for (var f = 0; f < d; f++)
        {
            centre[f] /= reference.Rows;
        }
        var largest = 0.0;
        foreach (var v in reference.Data)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }
        foreach (var v in queries.Data)
        {
            largest = Math.Max(largest, Math.Abs(v));
        }
        if (largest > MaxSingleMagnitude)
        {
            // Squares would leave float32's range: let the direct kernel do everything.
            return Enumerable.Range(0, queries.Rows).ToArray();
        }
        var tiles = new SingleTiles(reference, centre);
        var centred = new float[queries.Data.Length];
        var norms = new double[queries.Rows];
        for (var q = 0; q < queries.Rows; q++)
        {
            var norm = 0.0;
            for (var f = 0; f < d; f++)
            {
                var v = (float)(queries.Data[(long)q * d + f] - centre[f]);
                centred[(long)q * d + f] = v;
                norm += (double)v * v;
            }
            norms[q] = norm;
        }
        var blocks = (queries.Rows + QueryBlock - 1) / QueryBlock;
        var failed = new List<int>[blocks];
        if (wide && ReferenceEquals(reference, queries) && IsIdentity(self))
        {
            var k2 = k + Extra;
            var bestA = new float[queries.Rows * k2];
            var bestI = new int[queries.Rows * k2];
            SymmetricCandidates.Build(tiles, centred, norms, k2, bestA, bestI, options);
            Parallel.For(0, blocks, options, b =>
            {
                var start = b * QueryBlock;
                var end = Math.Min(start + QueryBlock, queries.Rows);
                failed[b] = Prove(tiles, norms, reference, queries, k, start, end, bestA, bestI, 0, result);
            });
            return failed.SelectMany(f => f).ToArray();
        }
        Parallel.For(0, blocks, options, b =>
        {
            var start = b * QueryBlock;
            var end = Math.Min(start + QueryBlock, queries.Rows);
            failed[b] = DotBlock(tiles, centred, norms, reference, queries, k, self, start, end, result, wide);
        });
        return failed.SelectMany(f => f).ToArray();
    }

    private static List<int> DotBlock(SingleTiles tiles, float[] centred, double[] norms, FeatureMatrix reference, FeatureMatrix queries,
        int k, int[]? self, int start, int end, int[] result, bool wide)
    {
        var count = end - start;
        var k2 = k + Extra;
        var bestA = new float[count * k2];
        var bestI = new int[count * k2];
        bestA.AsSpan().Fill(float.PositiveInfinity);
        bestI.AsSpan().Fill(-1);
        var group = wide ? WideQueryGroup : QueryGroup;
        Span<float> dist = stackalloc float[WideQueryGroup * SingleTiles.Width];
        Span<int> rows = stackalloc int[WideQueryGroup];
        Span<float> queryNorms = stackalloc float[WideQueryGroup];
        Span<float> thresholds = stackalloc float[WideQueryGroup];
        Span<ushort> masks = stackalloc ushort[WideQueryGroup];
        var d = tiles.Dimensions;
        const int chunkTiles = TileChunk / 2;
        for (var chunk = 0; chunk < tiles.TileCount; chunk += chunkTiles)
        {
            var chunkEnd = Math.Min(chunk + chunkTiles, tiles.TileCount);
            for (var g = start; g < end; g += group)
            {
                var active = Math.Min(group, end - g);
                for (var qq = 0; qq < group; qq++)
                {
                    rows[qq] = g + Math.Min(qq, active - 1);
                    queryNorms[qq] = (float)norms[rows[qq]];
                    thresholds[qq] = bestA[(rows[qq] - start) * k2 + k2 - 1];
                }
                for (var t = chunk; t < chunkEnd; t++)
                {
                    if (wide)
                    {
                        if (!DistanceKernels.DotSingle8x16(tiles.Data, (long)t * d * SingleTiles.Width, tiles.Norms, (long)t * SingleTiles.Width, d,
                            centred, rows, queryNorms, thresholds, dist, masks))
                        {
                            continue;
                        }
                    }
                    else
                    {
                        var mask = DistanceKernels.DotSingle4x16(tiles.Data, (long)t * d * SingleTiles.Width, tiles.Norms, (long)t * SingleTiles.Width, d,
                            centred, rows, queryNorms, thresholds, dist);
                        if (mask == 0)
                        {
                            continue;
                        }
                        for (var qq = 0; qq < QueryGroup; qq++)
                        {
                            masks[qq] = (ushort)(mask >> (qq * 16));
                        }
                    }
                    var firstRef = t * SingleTiles.Width;
                    for (var qq = 0; qq < active; qq++)
                    {
                        if (masks[qq] == 0)
                        {
                            continue;
                        }
                        var local = g + qq - start;
                        CandidateList.OfferLanes(dist.Slice(qq * SingleTiles.Width, SingleTiles.Width), masks[qq], firstRef, self is null ? -1 : self[g + qq],
                            bestA.AsSpan(local * k2, k2), bestI.AsSpan(local * k2, k2));
                        thresholds[qq] = bestA[local * k2 + k2 - 1];
                    }
                }
            }
        }
        return Prove(tiles, norms, reference, queries, k, start, end, bestA, bestI, start, result);
    }

    private static bool IsIdentity(int[]? self)
    {
        if (self is null)
        {
            return false;
        }
        for (var i = 0; i < self.Length; i++)
        {
            if (self[i] != i)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Checks the candidates of queries start..end (row q's list at (q - <paramref name="baseRow"/>) x
    /// (k + extra)) by direct distances; writes proven answers, returns the others.</summary>
    private static List<int> Prove(SingleTiles tiles, double[] norms, FeatureMatrix reference, FeatureMatrix queries, int k,
        int start, int end, float[] bestA, int[] bestI, int baseRow, int[] result)
    {
        var count = end - start;
        var k2 = k + Extra;
        var d = tiles.Dimensions;
        var failed = new List<int>();
        var candidates = new (double Distance, int Index)[k2];
        var approximation = 8.0 * (d + 2) * SingleUnit;
        var rounding = 4.0 * (d + 2) * Unit;
        for (var q = start; q < end; q++)
        {
            var i = q - baseRow;
            var query = queries.Row(q);
            var complete = true;
            for (var c = 0; c < k2; c++)
            {
                var j = bestI[i * k2 + c];
                complete &= j >= 0;
                candidates[c] = j >= 0 ? (DistanceKernels.Direct(query, reference.Row(j)), j) : (double.PositiveInfinity, int.MaxValue);
            }
            CandidateList.Sort(candidates);
            // Every row outside the candidates has an approximate distance >= the largest kept one (m); its exact
            // distance is then >= m - e, and its direct (FMA) distance >= (m - e)(1 - rounding). Strictly above
            // the k-th direct distance means no outside row can enter the k nearest, even on a tie.
            var m = (double)bestA[i * k2 + k2 - 1];
            var e = approximation * (norms[q] + tiles.MaxNorm);
            if (!complete || !((m - e) * (1 - rounding) > candidates[k - 1].Distance))
            {
                failed.Add(q);
                continue;
            }
            for (var c = 0; c < k; c++)
            {
                result[q * k + c] = candidates[c].Index;
            }
        }
        return failed;
    }
}
