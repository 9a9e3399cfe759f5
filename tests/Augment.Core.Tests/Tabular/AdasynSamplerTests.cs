using Augment.Core.Tabular;
using Augment.Core.Tabular.Generation;

namespace Augment.Core.Tests.Tabular;

public class AdasynSamplerTests
{
    [Fact]
    public void Resample_RowsNearOtherClassGetMoreSyntheticRows()
    {
        var data = TabularTestData.Blobs([300, 50], 2, 43, separation: 1.5);
        var plan = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.Adasyn, Seed = 9 });
        var minority = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).ToArray();
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var hardness = minority.Select(r => TabularTestData.BruteForce(data, all, r, 5).Count(j => data.Labels[j] != 1) / 5.0).ToArray();
        var sum = hardness.Sum();
        var expected = hardness.Select(h => (int)Math.Round(h / sum * 250, MidpointRounding.ToEven)).ToArray();
        Assert.Equal(expected.Sum(), plan.SyntheticCount);
        // Count synthetic rows per seed by regenerating each row's seed choice: row j belongs to the seed whose
        // cumulative allocation first exceeds j, so the materialized rows of seed i form one contiguous block.
        var table = plan.Materialize();
        var offset = data.RowCount;
        for (var i = 0; i < minority.Length; i++)
        {
            for (var j = 0; j < expected[i]; j++)
            {
                var p = table.Features.AsSpan((offset + j) * 2, 2).ToArray();
                var neighbours = TabularTestData.BruteForce(data, minority, i, 5);
                Assert.Contains(neighbours, n => SmoteSamplerTests.OnSegment(p, data.Features.AsSpan(minority[i] * 2, 2), data.Features.AsSpan(minority[n] * 2, 2)));
            }
            offset += expected[i];
        }
        Assert.IsType<InterpolatingGenerator>(Assert.Single(plan.Generators));
    }

    [Fact]
    public void Resample_NoOtherClassNeighbours_ThrowsImbalancedLearnError()
    {
        var data = TabularTestData.Blobs([100, 30], 2, 47, separation: 100);
        var e = Assert.Throws<TabularException>(() => TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.Adasyn }));
        Assert.Contains("Not any neigbours belong to the majority class", e.Message, StringComparison.Ordinal);
    }
}
