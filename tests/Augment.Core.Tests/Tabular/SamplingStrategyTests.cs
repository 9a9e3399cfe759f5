using Augment.Core.Tabular;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tests.Tabular;

public class SamplingStrategyTests
{
    [Theory]
    [InlineData("auto", SamplingStrategyKind.Auto)]
    [InlineData("not-minority", SamplingStrategyKind.NotMinority)]
    [InlineData("Not Majority", SamplingStrategyKind.NotMajority)]
    [InlineData("not_majority", SamplingStrategyKind.NotMajority)]
    [InlineData("0.5", SamplingStrategyKind.Ratio)]
    [InlineData("a=3,b:4", SamplingStrategyKind.Targets)]
    [InlineData("a,b", SamplingStrategyKind.Classes)]
    [InlineData("[1]", SamplingStrategyKind.Classes)]
    public void Parse_Forms_GiveKind(string text, SamplingStrategyKind kind)
    {
        Assert.Equal(kind, SamplingStrategy.Parse(text).Kind);
    }

    [Fact]
    public void Parse_Dict_ReadsCounts()
    {
        var s = SamplingStrategy.Parse("a=3, b:4");
        Assert.Equal(3, s.Targets!["a"]);
        Assert.Equal(4, s.Targets!["b"]);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("0")]
    [InlineData("a=x")]
    [InlineData("a=1,a=2")]
    [InlineData("")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.Throws<TabularException>(() => SamplingStrategy.Parse(text));
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        foreach (var text in new[] { "auto", "not minority", "0.25", "a=3,b=4", "a,b" })
        {
            Assert.Equal(text, SamplingStrategy.Parse(text).ToString());
        }
    }
}
