using Augment.Core.Tabular;

namespace Augment.Core.Tests.Tabular;

public class SmoteNcSamplerTests
{
    [Fact]
    public void Resample_CategoricalValuesAreTheMostFrequentAmongNeighbours()
    {
        var data = TabularTestData.Mixed([150, 30], 3, 2, 4, 53);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteNc, Seed = 8 });
        Assert.Equal([150, 150], result.ClassCounts());
        var d = data.FeatureCount;
        var minority = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).ToArray();
        for (var r = data.RowCount; r < result.RowCount; r++)
        {
            var row = result.Features.AsSpan(r * d, d).ToArray();
            // The numeric part lies on a segment between two minority rows; each categorical value is a mode
            // of some seed's neighbours, so it must at least occur in the minority class.
            foreach (var f in new[] { 3, 4 })
            {
                Assert.Contains(minority, m => data.Features[m * d + f] == row[f]);
                Assert.Equal(Math.Floor(row[f]), row[f]);
            }
        }
    }

    [Fact]
    public void Resample_SeedWithUnanimousNeighbours_TakesTheirCategory()
    {
        // Minority rows: two tight groups far apart, each with one category; synthetic rows must carry the
        // category of the group they were generated in.
        var x = new List<double>();
        var y = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            x.AddRange([i * 0.01, 0]);
            y.Add(0);
        }
        for (var i = 0; i < 6; i++)
        {
            x.AddRange([100 + i * 0.01, 1]);
            y.Add(1);
            x.AddRange([-100 - i * 0.01, 2]);
            y.Add(1);
        }
        var data = new TabularData(["x", "c"], [ColumnKind.Numeric, ColumnKind.Categorical], [null, ["a", "b", "c"]], x.ToArray(),
            "y", 2, ["0", "1"], y.ToArray());
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteNc, K = 5, Seed = 1 });
        for (var r = data.RowCount; r < result.RowCount; r++)
        {
            Assert.Equal(result.Features[r * 2] > 0 ? 1 : 2, result.Features[r * 2 + 1]);
        }
    }

    [Fact]
    public void Resample_NoCategoricalColumns_Throws()
    {
        var data = TabularTestData.Blobs([50, 10], 2, 59);
        Assert.Throws<TabularException>(() => TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteNc }));
    }
}
