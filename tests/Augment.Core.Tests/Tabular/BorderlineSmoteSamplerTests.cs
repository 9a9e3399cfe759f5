using Augment.Core.Tabular;

namespace Augment.Core.Tests.Tabular;

public class BorderlineSmoteSamplerTests
{
    private static HashSet<int> DangerRows(TabularData data, int c, int m)
    {
        var all = Enumerable.Range(0, data.RowCount).ToArray();
        var danger = new HashSet<int>();
        foreach (var r in all.Where(r => data.Labels[r] == c))
        {
            var other = TabularTestData.BruteForce(data, all, r, m).Count(j => data.Labels[j] != c);
            if (other >= m / 2.0 && other < m)
            {
                danger.Add(r);
            }
        }
        return danger;
    }

    [Fact]
    public void Resample_Borderline1_SeedsOnlyFromDangerRows()
    {
        var data = TabularTestData.Blobs([200, 40], 2, 31, separation: 1.0);
        var danger = DangerRows(data, 1, 10);
        Assert.NotEmpty(danger);
        Assert.True(danger.Count < 40);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.BorderlineSmote, Seed = 2 });
        Assert.Equal(200, result.ClassCounts()[1]);
        var minority = Enumerable.Range(0, data.RowCount).Where(r => data.Labels[r] == 1).ToArray();
        for (var r = data.RowCount; r < result.RowCount; r++)
        {
            var p = result.Features.AsSpan(r * 2, 2).ToArray();
            var fromDanger = danger.Any(s =>
                TabularTestData.BruteForce(data, minority, Array.IndexOf(minority, s), 5)
                    .Any(j => SmoteSamplerTests.OnSegment(p, data.Features.AsSpan(s * 2, 2), data.Features.AsSpan(minority[j] * 2, 2))));
            Assert.True(fromDanger, $"synthetic row {r} is not on a segment from a danger row");
        }
    }

    [Fact]
    public void Resample_Borderline2_GivesPlannedCountAndIsDeterministic()
    {
        var data = TabularTestData.Blobs([200, 40], 3, 37, separation: 1.0);
        var options = new ResampleOptions { Method = TabularMethod.BorderlineSmote, BorderlineKind = BorderlineKind.Borderline2, Seed = 4 };
        var a = TabularResampler.Resample(data, options);
        var b = TabularResampler.Resample(data, options with { MaxDegreeOfParallelism = 1 });
        Assert.Equal(200, a.ClassCounts()[1]);
        Assert.Equal(a.Features, b.Features);
    }

    [Fact]
    public void Resample_NoDangerRows_GeneratesNothingLikeImbalancedLearn()
    {
        var data = TabularTestData.Blobs([100, 30], 2, 41, separation: 50);
        var result = TabularResampler.Resample(data, new ResampleOptions { Method = TabularMethod.BorderlineSmote });
        Assert.Equal(data.RowCount, result.RowCount);
    }
}
