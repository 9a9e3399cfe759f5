using Augment.Core.Randomness;
using Augment.Core.Tabular;
using Augment.Core.Tabular.Neighbors;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Tabular;

public class ExactNearestNeighborsTests
{
    private static FeatureMatrix Random(int rows, int cols, ulong seed, int distinctValues = 0)
    {
        var rng = new Rng(seed);
        var data = new double[rows * cols];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = distinctValues > 0 ? rng.NextInt(distinctValues) : rng.NextGaussian();
        }
        return new FeatureMatrix(data, rows, cols);
    }

    private static int[] Brute(FeatureMatrix reference, FeatureMatrix queries, int q, int k, int self) =>
        Enumerable.Range(0, reference.Rows).Where(j => j != self)
            .Select(j => (j, d: TabularTestData.SquaredDistance(queries.Row(q), reference.Row(j))))
            .OrderBy(t => t.d).ThenBy(t => t.j).Take(k).Select(t => t.j).ToArray();

    [Property(MaxTest = 60)]
    public bool Search_AnyShape_EqualsBruteForceWithIndexTieBreak(int seed, byte rows, byte cols, byte kRaw, bool discrete)
    {
        var n = rows % 120 + 2;
        var d = cols % 13 + 1;
        var k = kRaw % (n - 1) + 1;
        // Discrete values make many exact ties, which must go to the lower index.
        var x = Random(n, d, (ulong)seed, discrete ? 3 : 0);
        var self = Enumerable.Range(0, n).ToArray();
        var table = ExactNearestNeighbors.Search(x, x, k, self, 2, CancellationToken.None);
        return Enumerable.Range(0, n).All(q => table.Of(q).SequenceEqual(Brute(x, x, q, k, q)));
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1e8, 1.0)]
    [InlineData(1e8, 1e-6)]
    [InlineData(0.0, 1e-150)]
    public void Search_OffsetsAndScales_EqualsBruteForce(double offset, double scale)
    {
        // Large offsets and tiny scales stress the dot-product pass: its error bound must send every query it
        // cannot prove to the direct kernel, so the answer always equals the direct brute force.
        var x = Random(400, 8, 9);
        for (var i = 0; i < x.Data.Length; i++)
        {
            x.Data[i] = offset + scale * x.Data[i];
        }
        var self = Enumerable.Range(0, x.Rows).ToArray();
        var table = ExactNearestNeighbors.Search(x, x, 5, self, 2, CancellationToken.None);
        for (var q = 0; q < x.Rows; q++)
        {
            Assert.Equal(Brute(x, x, q, 5, q), table.Of(q).ToArray());
        }
    }

    [Fact]
    public void Search_ExpectTies_SameAnswerAsDotPass()
    {
        var x = Random(300, 12, 10, 3);
        var self = Enumerable.Range(0, x.Rows).ToArray();
        var dot = ExactNearestNeighbors.Search(x, x, 6, self, 2, CancellationToken.None);
        var direct = ExactNearestNeighbors.Search(x, x, 6, self, 2, CancellationToken.None, expectTies: true);
        Assert.Equal(direct.Indices, dot.Indices);
    }

    [Fact]
    public void Search_SeparateQueries_EqualsBruteForce()
    {
        var reference = Random(301, 17, 1);
        var queries = Random(37, 17, 2);
        var table = ExactNearestNeighbors.Search(reference, queries, 7, null, -1, CancellationToken.None);
        for (var q = 0; q < queries.Rows; q++)
        {
            Assert.Equal(Brute(reference, queries, q, 7, -1), table.Of(q).ToArray());
        }
    }

    [Fact]
    public void Search_AnyThreadCount_SameResult()
    {
        var x = Random(700, 32, 3, 4);
        var self = Enumerable.Range(0, x.Rows).ToArray();
        var one = ExactNearestNeighbors.Search(x, x, 5, self, 1, CancellationToken.None);
        var many = ExactNearestNeighbors.Search(x, x, 5, self, 4, CancellationToken.None);
        Assert.Equal(one.Indices, many.Indices);
    }

    [Fact]
    public void Search_DuplicateRows_NeverReturnsSelf()
    {
        var x = new FeatureMatrix([1, 1, 1, 1, 1, 1, 5, 5], 4, 2);
        var table = ExactNearestNeighbors.Search(x, x, 2, [0, 1, 2, 3], 1, CancellationToken.None);
        Assert.Equal([1, 2], table.Of(0).ToArray());
        Assert.Equal([0, 2], table.Of(1).ToArray());
        Assert.Equal([0, 1], table.Of(3).ToArray());
    }

    [Fact]
    public void Search_KLargerThanReference_Throws()
    {
        var x = Random(4, 2, 4);
        var e = Assert.Throws<ArgumentException>(() => ExactNearestNeighbors.Search(x, x, 4, [0, 1, 2, 3], 1, CancellationToken.None));
        Assert.Contains("n_neighbors = 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_Cancelled_Throws()
    {
        var x = Random(500, 4, 5);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => ExactNearestNeighbors.Search(x, x, 3, null, 1, cts.Token));
    }

    [Property(MaxTest = 40)]
    public bool Search_WideAndNarrowCandidatePass_BothEqualBruteForce(int seed, byte rows, byte cols, byte kRaw)
    {
        // The 8-query AVX-512 candidate kernel and the 4-query AVX2 one must both give the brute-force answer
        // (whichever this machine picks by default, both are exercised here).
        var n = rows % 150 + 20;
        var d = cols % 40 + 4;
        var k = kRaw % 6 + 1;
        var x = Random(n, d, (ulong)seed);
        var self = Enumerable.Range(0, n).ToArray();
        var wide = ExactNearestNeighbors.Search(x, x, k, self, 2, CancellationToken.None, wide: true);
        var narrow = ExactNearestNeighbors.Search(x, x, k, self, 1, CancellationToken.None, wide: false);
        return wide.Indices.SequenceEqual(narrow.Indices)
            && Enumerable.Range(0, n).All(q => wide.Of(q).SequenceEqual(Brute(x, x, q, k, q)));
    }

    [Fact]
    public void DotSingle8x16_SameQueries_SameBitsAsDotSingle4x16()
    {
        var d = 11;
        var reference = Random(16, d, 21);
        var tiles = new SingleTiles(reference, new double[d]);
        var queries = Random(8, d, 22).Data.Select(v => (float)v).ToArray();
        var queryNorms = Enumerable.Range(0, 8).Select(q => queries.Skip(q * d).Take(d).Sum(v => v * v)).ToArray();
        var thresholds = Enumerable.Repeat(float.PositiveInfinity, 8).ToArray();
        var wide = new float[128];
        var masks = new ushort[8];
        Assert.True(DistanceKernels.DotSingle8x16(tiles.Data, 0, tiles.Norms, 0, d, queries, [0, 1, 2, 3, 4, 5, 6, 7],
            queryNorms, thresholds, wide, masks));
        var narrow = new float[128];
        var low = DistanceKernels.DotSingle4x16(tiles.Data, 0, tiles.Norms, 0, d, queries, [0, 1, 2, 3],
            queryNorms.AsSpan(0, 4), thresholds.AsSpan(0, 4), narrow.AsSpan(0, 64));
        var high = DistanceKernels.DotSingle4x16(tiles.Data, 0, tiles.Norms, 0, d, queries, [4, 5, 6, 7],
            queryNorms.AsSpan(4, 4), thresholds.AsSpan(4, 4), narrow.AsSpan(64, 64));
        Assert.Equal(ulong.MaxValue, low);
        Assert.Equal(ulong.MaxValue, high);
        Assert.All(masks, m => Assert.Equal(ushort.MaxValue, m));
        Assert.Equal(narrow.Select(BitConverter.SingleToInt32Bits), wide.Select(BitConverter.SingleToInt32Bits));
    }

    [Theory]
    [InlineData(900, 1)]
    [InlineData(900, 2)]
    [InlineData(1031, 2)]
    public void Search_SelfSearchPairedOnce_SameAsSeparateQueriesAndBruteForce(int rows, int threads)
    {
        // The same matrix as reference and queries with self = identity takes the symmetric candidate pass
        // (each pair computed once, block pairs in round-robin rounds; 900 rows make an odd block count, so a
        // bye). A copy of the queries takes the one-directional pass. Both must equal brute force.
        var x = Random(rows, 32, 31);
        var self = Enumerable.Range(0, rows).ToArray();
        var paired = ExactNearestNeighbors.Search(x, x, 5, self, threads, CancellationToken.None, wide: true);
        var copy = new FeatureMatrix((double[])x.Data.Clone(), x.Rows, x.Columns);
        var separate = ExactNearestNeighbors.Search(x, copy, 5, self, threads, CancellationToken.None, wide: true);
        Assert.Equal(separate.Indices, paired.Indices);
        foreach (var q in new[] { 0, 1, 17, rows / 2, rows - 2, rows - 1 })
        {
            Assert.Equal(Brute(x, x, q, 5, q), paired.Of(q).ToArray());
        }
    }
}
