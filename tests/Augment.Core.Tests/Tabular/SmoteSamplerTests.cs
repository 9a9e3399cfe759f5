using Augment.Core.Tabular;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Tabular;

public class SmoteSamplerTests
{
    /// <summary>True when p = a + t (b - a) for some t in [0, 1] (within rounding).</summary>
    internal static bool OnSegment(ReadOnlySpan<double> p, ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var ab = 0.0;
        var ap = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += (b[i] - a[i]) * (b[i] - a[i]);
            ap += (p[i] - a[i]) * (b[i] - a[i]);
        }
        var t = ab == 0 ? 0 : ap / ab;
        if (t < -1e-12 || t > 1 + 1e-12)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] + t * (b[i] - a[i]) - p[i]) > 1e-9 * (1 + Math.Abs(p[i])))
            {
                return false;
            }
        }
        return true;
    }

    [Property(MaxTest = 25)]
    public bool Resample_AnyData_SyntheticRowsLieOnSegmentToAKNearestMinorityNeighbour(int seed, byte kRaw, byte minorityRaw, byte dRaw)
    {
        var k = kRaw % 6 + 1;
        var minority = minorityRaw % 25 + k + 1;
        var d = dRaw % 5 + 1;
        var data = TabularTestData.Blobs([60, minority], d, (ulong)seed);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.Smote, K = k, Seed = (ulong)seed });
        var rows = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).ToArray();
        var neighbours = rows.Select((_, i) => TabularTestData.BruteForce(data, rows, i, k)).ToArray();
        for (var r = data.RowCount; r < result.RowCount; r++)
        {
            var p = result.Features.AsSpan(r * d, d);
            var found = false;
            for (var i = 0; i < rows.Length && !found; i++)
            {
                foreach (var j in neighbours[i])
                {
                    if (OnSegment(p, data.Features.AsSpan(rows[i] * d, d), data.Features.AsSpan(rows[j] * d, d)))
                    {
                        found = true;
                        break;
                    }
                }
            }
            if (!found || result.Labels[r] != 1 || !result.Synthetic![r])
            {
                return false;
            }
        }
        return result.RowCount == 120;
    }

    [Fact]
    public void Resample_Default_BalancesToMajorityAndKeepsOriginalsFirst()
    {
        var data = TabularTestData.Blobs([100, 20, 35], 3, 7);
        var result = TabularResampler.Resample(data, new ResampleOptions());
        Assert.Equal([100, 100, 100], result.ClassCounts());
        Assert.Equal(data.Features, result.Features.AsSpan(0, data.Features.Length).ToArray());
        Assert.All(Enumerable.Range(0, data.RowCount), r => Assert.False(result.Synthetic![r]));
        Assert.All(Enumerable.Range(data.RowCount, result.RowCount - data.RowCount), r => Assert.True(result.Synthetic![r]));
    }

    [Fact]
    public void Resample_SameSeedAnyThreadCount_SameBytes()
    {
        var data = TabularTestData.Blobs([400, 60], 8, 11);
        var one = TabularResampler.Resample(data, new ResampleOptions { Seed = 5, MaxDegreeOfParallelism = 1 });
        var many = TabularResampler.Resample(data, new ResampleOptions { Seed = 5, MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Features, many.Features);
        var other = TabularResampler.Resample(data, new ResampleOptions { Seed = 6 });
        Assert.NotEqual(one.Features, other.Features);
    }

    [Fact]
    public void Plan_RowJ_IsComputableAloneAndEqualsMaterialized()
    {
        var data = TabularTestData.Blobs([300, 40], 4, 13);
        var plan = TabularResampler.Plan(data, new ResampleOptions { Seed = 3 });
        var table = plan.Materialize();
        var generator = Assert.Single(plan.Generators);
        var row = new double[4];
        foreach (var j in new long[] { 259, 0, 17 })
        {
            generator.Generate(j, row);
            Assert.Equal(table.Features.AsSpan((int)(data.RowCount + j) * 4, 4).ToArray(), row);
        }
    }

    [Fact]
    public void Resample_InputNotMutated()
    {
        var data = TabularTestData.Blobs([50, 10], 3, 17);
        var before = (double[])data.Features.Clone();
        TabularResampler.Resample(data, new ResampleOptions { Standardize = true });
        Assert.Equal(before, data.Features);
    }

    [Fact]
    public void Resample_ClassSmallerThanKPlusOne_NamesClassAndCounts()
    {
        var data = TabularTestData.Blobs([50, 4], 2, 19, names: ["neg", "pos"]);
        var e = Assert.Throws<TabularException>(() => TabularResampler.Resample(data, new ResampleOptions { K = 5 }));
        Assert.Contains("class 'pos' has 4 rows", e.Message, StringComparison.Ordinal);
        Assert.Contains("k_neighbors=5 needs at least 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_CategoricalColumn_PointsToSmoteNc()
    {
        var data = TabularTestData.Mixed([50, 10], 2, 1, 3, 23);
        var e = Assert.Throws<TabularException>(() => TabularResampler.Resample(data, new ResampleOptions()));
        Assert.Contains("'c0' is categorical", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_Standardize_ChangesNeighboursOnlyNotUnits()
    {
        var data = TabularTestData.Blobs([80, 20], 2, 29);
        var x = (double[])data.Features.Clone();
        for (var r = 0; r < data.RowCount; r++)
        {
            x[r * 2] *= 1000;
        }
        var scaled = data.WithRows(x, data.Labels, null);
        var result = TabularResampler.Resample(scaled, new ResampleOptions { Standardize = true, Seed = 1 });
        var minority = Enumerable.Range(0, scaled.RowCount).Where(r => scaled.Labels[r] == 1).ToArray();
        // Synthetic rows stay inside the minority's bounding box in the original units.
        var min0 = minority.Min(r => x[r * 2]);
        var max0 = minority.Max(r => x[r * 2]);
        Assert.All(Enumerable.Range(scaled.RowCount, 60), r => Assert.InRange(result.Features[r * 2], min0, max0));
    }
}
