using Augment.Core.Tabular;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tests.Tabular;

public class SamplingStrategyResolverTests
{
    private static readonly string[] Names = ["a", "b", "c"];
    private static readonly int[] Counts = [100, 20, 50];

    private static Dictionary<string, int> Resolve(string strategy, SamplingType type, string[]? names = null, int[]? counts = null) =>
        SamplingStrategyResolver.Resolve(SamplingStrategy.Parse(strategy), names ?? Names, counts ?? Counts, type)
            .ToDictionary(t => (names ?? Names)[t.ClassIndex], t => t.Count);

    [Fact]
    public void Resolve_AutoOverSampling_TargetsAllButMajority()
    {
        Assert.Equal(new Dictionary<string, int> { ["b"] = 80, ["c"] = 50 }, Resolve("auto", SamplingType.OverSampling));
    }

    [Fact]
    public void Resolve_AutoUnderSampling_TargetsAllButMinority()
    {
        Assert.Equal(new Dictionary<string, int> { ["a"] = 20, ["c"] = 20 }, Resolve("auto", SamplingType.UnderSampling));
    }

    [Theory]
    [InlineData("minority", "b=80")]
    [InlineData("not minority", "a=0,c=50")]
    [InlineData("not majority", "b=80,c=50")]
    [InlineData("all", "a=0,b=80,c=50")]
    public void Resolve_NamedOverSampling_MatchesImbalancedLearn(string strategy, string expected)
    {
        var want = expected.Split(',').Select(p => p.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(want, Resolve(strategy, SamplingType.OverSampling));
    }

    [Fact]
    public void Resolve_MajorityUnderSampling_TargetsMajorityOnly()
    {
        Assert.Equal(new Dictionary<string, int> { ["a"] = 20 }, Resolve("majority", SamplingType.UnderSampling));
    }

    [Fact]
    public void Resolve_TiedCounts_FirstClassInSortedOrderIsMinority()
    {
        var r = Resolve("minority", SamplingType.OverSampling, ["x", "y", "z"], [10, 30, 10]);
        Assert.Equal(new Dictionary<string, int> { ["x"] = 20 }, r);
    }

    [Fact]
    public void Resolve_FloatOverSampling_TruncatesLikeInt()
    {
        var r = Resolve("0.55", SamplingType.OverSampling, ["n", "p"], [101, 10]);
        Assert.Equal(new Dictionary<string, int> { ["p"] = (int)(101 * 0.55 - 10) }, r);
    }

    [Fact]
    public void Resolve_FloatUnderSampling_KeepsMinorityOverRatio()
    {
        var r = Resolve("0.5", SamplingType.UnderSampling, ["n", "p"], [101, 10]);
        Assert.Equal(new Dictionary<string, int> { ["n"] = 20 }, r);
    }

    [Fact]
    public void Resolve_FloatWithThreeClasses_Throws()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("0.5", SamplingType.OverSampling));
        Assert.Contains("only when the type of target is binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_FloatTooSmallForOverSampling_Throws()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("0.05", SamplingType.OverSampling, ["n", "p"], [100, 10]));
        Assert.Contains("Please increase the ratio", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DictOverSampling_GivesRowsToGenerate()
    {
        Assert.Equal(new Dictionary<string, int> { ["b"] = 10, ["c"] = 0 }, Resolve("b=30,c=50", SamplingType.OverSampling));
    }

    [Fact]
    public void Resolve_DictBelowOriginalForOverSampling_NamesClassAndCounts()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("b=10", SamplingType.OverSampling));
        Assert.Contains("Originally, there is 20 samples and 10 samples are asked", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DictAboveOriginalForUnderSampling_Throws()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("a=200", SamplingType.UnderSampling));
        Assert.Contains("Originally, there is 100 samples and 200 samples are asked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DictWithUnknownClass_NamesIt()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("zz=5", SamplingType.OverSampling));
        Assert.Contains("'zz'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not present in the data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_DictForCleaning_Throws()
    {
        Assert.Throws<TabularException>(() => Resolve("a=5", SamplingType.CleanSampling));
    }

    [Fact]
    public void Resolve_ListForCleaning_TargetsListedClasses()
    {
        Assert.Equal(["a", "c"], Resolve("c,a", SamplingType.CleanSampling).Keys.Order());
    }

    [Fact]
    public void Resolve_ListForOverSampling_Throws()
    {
        Assert.Throws<TabularException>(() => Resolve("a,b", SamplingType.OverSampling));
    }

    [Fact]
    public void Resolve_MinorityForUnderSampling_Throws()
    {
        Assert.Throws<TabularException>(() => Resolve("minority", SamplingType.UnderSampling));
    }

    [Fact]
    public void Resolve_MajorityForOverSampling_Throws()
    {
        Assert.Throws<TabularException>(() => Resolve("majority", SamplingType.OverSampling));
    }

    [Fact]
    public void Resolve_SingleClass_Throws()
    {
        var e = Assert.Throws<TabularException>(() => Resolve("auto", SamplingType.OverSampling, ["a"], [5]));
        Assert.Contains("more than 1 class", e.Message, StringComparison.Ordinal);
    }
}
