using Augment.Core.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Data;

public sealed class EpochPlannerTests
{
    private static readonly int[] Imbalanced = [.. Enumerable.Repeat(0, 30), .. Enumerable.Repeat(1, 10), .. Enumerable.Repeat(2, 5)];

    private static Dictionary<int, int> CountByClass(PlannedSample[] plan, IReadOnlyList<int> labels) =>
        plan.GroupBy(s => labels[s.Index]).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Plan_None_IsAPermutationOfTheDataset()
    {
        var planner = new EpochPlanner(Imbalanced, 3, BalanceStrategy.None, null, 7, shuffle: true);
        var plan = planner.Plan(0);
        Assert.Equal(Enumerable.Range(0, 45), plan.Select(s => s.Index).Order());
        Assert.All(plan, s => Assert.Equal(0, s.Repeat));
        Assert.NotEqual(Enumerable.Range(0, 45), plan.Select(s => s.Index));
        Assert.NotEqual(plan, planner.Plan(1));
        Assert.Equal(plan, new EpochPlanner(Imbalanced, 3, BalanceStrategy.None, null, 7, shuffle: true).Plan(0));
    }

    [Fact]
    public void Plan_NoShuffle_IsCanonicalOrder()
    {
        var plan = new EpochPlanner(Imbalanced, 3, BalanceStrategy.None, null, 7, shuffle: false).Plan(3);
        Assert.Equal(Enumerable.Range(0, 45), plan.Select(s => s.Index));
    }

    [Fact]
    public void Plan_Oversample_GivesEveryClassTheLargestCount()
    {
        var planner = new EpochPlanner(Imbalanced, 3, BalanceStrategy.Oversample, null, 7, shuffle: true);
        Assert.Equal([30L, 30, 30], planner.EffectiveCounts);
        var plan = planner.Plan(0);
        Assert.Equal(new Dictionary<int, int> { [0] = 30, [1] = 30, [2] = 30 }, CountByClass(plan, Imbalanced));
        Assert.Equal(plan.Length, plan.Select(s => s.KeyIndex(45)).Distinct().Count());
        Assert.All(plan.Where(s => Imbalanced[s.Index] == 2), s => Assert.InRange(s.Repeat, 0, 5));
    }

    [Fact]
    public void Plan_ClassWeights_ScalesCountsAndPicksAKeyedRemainder()
    {
        var weights = new Dictionary<long, double> { [0] = 0.5, [2] = 2.5 };
        var planner = new EpochPlanner(Imbalanced, 3, BalanceStrategy.ClassWeights, weights, 7, shuffle: true);
        Assert.Equal([15L, 10, 13], planner.EffectiveCounts);
        var e0 = planner.Plan(0);
        Assert.Equal(new Dictionary<int, int> { [0] = 15, [1] = 10, [2] = 13 }, CountByClass(e0, Imbalanced));
        var chosen0 = e0.Where(s => Imbalanced[s.Index] == 0).Select(s => s.Index).Order().ToArray();
        var chosen1 = planner.Plan(1).Where(s => Imbalanced[s.Index] == 0).Select(s => s.Index).Order().ToArray();
        Assert.NotEqual(chosen0, chosen1);
    }

    [Theory]
    [InlineData(5, 1.0, "balance.class_weights[5]: no class with label 5")]
    [InlineData(1, -1.0, "balance.class_weights[1]: weight -1 must be finite and >= 0")]
    [InlineData(1, double.NaN, "must be finite")]
    public void Constructor_BadWeight_FailsNamingTheLabel(long label, double weight, string expected)
    {
        var weights = new Dictionary<long, double> { [label] = weight };
        var ex = Assert.Throws<ArgumentException>(() => new EpochPlanner(Imbalanced, 3, BalanceStrategy.ClassWeights, weights, 1, true));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AllWeightsZero_FailsAsEmptyEpoch()
    {
        var weights = new Dictionary<long, double> { [0] = 0, [1] = 0, [2] = 0 };
        var ex = Assert.Throws<ArgumentException>(() => new EpochPlanner(Imbalanced, 3, BalanceStrategy.ClassWeights, weights, 1, true));
        Assert.Contains("epoch is empty", ex.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public Property Plan_AnyLabelsAndWeights_HoldsExactlyTheTargetsWithUniqueKeys()
    {
        var gen =
            from labels in Gen.Choose(0, 3).ArrayOf().Where(a => a.Length > 0)
            from w in Gen.Choose(0, 30).ArrayOf(4)
            from seed in Gen.Choose(0, 1000)
            select (labels, w, seed);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var weights = Enumerable.Range(0, 4).ToDictionary(c => (long)c, c => t.w[c] / 10.0);
            if (t.labels.Sum(l => Math.Round(t.w[l] / 10.0 * t.labels.Count(x => x == l), MidpointRounding.AwayFromZero)) == 0)
            {
                return true;
            }
            var planner = new EpochPlanner(t.labels, 4, BalanceStrategy.ClassWeights, weights, (ulong)t.seed, true);
            var plan = planner.Plan(2);
            var counts = CountByClass(plan, t.labels);
            var targetsMatch = Enumerable.Range(0, 4).All(c => counts.GetValueOrDefault(c) == planner.EffectiveCounts[c]);
            var unique = plan.Select(s => s.KeyIndex(t.labels.Length)).Distinct().Count() == plan.Length;
            return targetsMatch && unique && plan.Length == planner.EpochSize;
        });
    }
}
