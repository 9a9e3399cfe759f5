using Augment.Core.Tabular;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tests.Tabular;

public class UnderAndCleaningSamplerTests
{
    [Fact]
    public void RandomUnder_Auto_KeepsMinorityCountPerClassInOriginalOrder()
    {
        var data = TabularTestData.Blobs([100, 20, 50], 2, 71);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.RandomUnderSampler, Seed = 3 });
        Assert.Equal([20, 20, 20], result.ClassCounts());
        Assert.All(Enumerable.Range(0, result.RowCount), r => Assert.False(result.Synthetic![r]));
        var plan = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.RandomUnderSampler, Seed = 3 });
        Assert.Equal(plan.KeptRows.Order(), plan.KeptRows);
    }

    [Fact]
    public void RandomOver_Shrinkage_AddsNoiseOnlyWhenAsked()
    {
        var data = TabularTestData.Blobs([60, 10], 2, 73);
        var plain = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.RandomOverSampler, Seed = 1 });
        var minority = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).Select(r => (data.Features[r * 2], data.Features[r * 2 + 1])).ToHashSet();
        Assert.All(Enumerable.Range(data.RowCount, 50), r => Assert.Contains((plain.Features[r * 2], plain.Features[r * 2 + 1]), minority));
        var smooth = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.RandomOverSampler, Seed = 1, Shrinkage = 1 });
        Assert.All(Enumerable.Range(data.RowCount, 50), r => Assert.DoesNotContain((smooth.Features[r * 2], smooth.Features[r * 2 + 1]), minority));
    }

    [Fact]
    public void TomekLinks_RemovesTargetedMembersOfMutualNearestPairs()
    {
        // 0: (0,0) class a, 1: (0.1,0) class b → a Tomek link. 2: (5,5) a, 3: (9,9) a, 4: (9.5,9) b, 5: (20,20) b.
        double[] x = [0, 0, 0.1, 0, 5, 5, 9, 9, 9.5, 9, 20, 20];
        int[] y = [0, 1, 0, 0, 1, 1];
        var data = TabularTestData.Numeric(x, y, 2, ["a", "b"]);
        var auto = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.TomekLinks });
        // 'auto' for cleaning = not minority: a (4 rows) is the majority... counts a=3, b=3 → minority is a (first), so b is cleaned.
        Assert.Equal([0, 2, 3, 5], auto.KeptRows);
        var all = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.TomekLinks, Strategy = SamplingStrategy.Named(SamplingStrategyKind.All) });
        Assert.Equal([2, 5], all.KeptRows);
    }

    [Fact]
    public void EditedNearestNeighbours_RemovesRowsWhoseNeighboursDisagree()
    {
        var data = TabularTestData.Blobs([200, 60], 2, 79, separation: 1.2);
        var plan = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.EditedNearestNeighbours });
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var expected = all.Where(r => data.Labels[r] == 1 || TabularTestData.BruteForce(data, all, r, 3).All(j => data.Labels[j] == 0)).ToArray();
        Assert.Equal(expected, plan.KeptRows);
        var mode = TabularResampler.Plan(data, new ResampleOptions { Method = TabularMethod.EditedNearestNeighbours, EnnKindSelection = EnnKindSelection.Mode });
        Assert.True(mode.KeptRows.Count >= plan.KeptRows.Count);
    }

    [Fact]
    public void SmoteTomekAndSmoteEnn_CleanAfterGenerating()
    {
        var data = TabularTestData.Blobs([200, 40], 2, 83, separation: 1.0);
        var smote = TabularResampler.Resample(data, new ResampleOptions { Seed = 1 });
        var tomek = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteTomek, Seed = 1 });
        var enn = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.SmoteEnn, Seed = 1 });
        Assert.True(tomek.RowCount < smote.RowCount);
        Assert.True(enn.RowCount < tomek.RowCount);
        Assert.Contains(tomek.Synthetic!, s => s);
    }
}
