using Augment.Core.Tabular;

namespace Augment.Core.Tests.Tabular;

public class SmoteNSamplerTests
{
    private static TabularData Categorical(ulong seed)
    {
        var mixed = TabularTestData.Mixed([120, 25], 1, 3, 4, seed);
        var d = 3;
        var x = new double[mixed.RowCount * d];
        for (var r = 0; r < mixed.RowCount; r++)
        {
            mixed.Features.AsSpan(r * 4 + 1, 3).CopyTo(x.AsSpan(r * d));
        }
        return new TabularData(["c0", "c1", "c2"], Enumerable.Repeat(ColumnKind.Categorical, 3).ToArray(),
            mixed.Categories.Skip(1).ToArray(), x, "y", 3, mixed.ClassNames, mixed.Labels);
    }

    [Fact]
    public void Resample_AllCategorical_BalancesWithValuesSeenInTheClass()
    {
        var data = Categorical(61);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteN, Seed = 2 });
        Assert.Equal([120, 120], result.ClassCounts());
        var minority = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).ToArray();
        for (var r = data.RowCount; r < result.RowCount; r++)
        {
            for (var f = 0; f < 3; f++)
            {
                Assert.Contains(minority, m => data.Features[m * 3 + f] == result.Features[r * 3 + f]);
            }
        }
    }

    [Fact]
    public void Resample_NumericColumn_Throws()
    {
        var data = TabularTestData.Mixed([50, 10], 1, 1, 3, 67);
        var e = Assert.Throws<TabularException>(() => TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteN }));
        Assert.Contains("'x0' is numeric", e.Message, StringComparison.Ordinal);
    }
}
