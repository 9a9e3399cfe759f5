using Augment.Cli.Commands.Images;
using Augment.Core.Randomness;
using FsCheck.Xunit;

namespace Augment.Cli.Tests.Images;

public sealed class CopyKeyTests
{
    [Fact]
    public void Index_KnownPath_MatchesDocumentedFormula()
    {
        var expected = (long)SplitMix64.Combine(StableHash.Of("cats/a.jpg"), 3UL);

        Assert.Equal(expected, CopyKey.Index("cats/a.jpg", 3));
        Assert.Equal(new SampleKey(9, 0, expected), CopyKey.For(9, "cats/a.jpg", 3));
    }

    [Property]
    public bool Index_DifferentCopies_Differ(string path, byte copy) =>
        CopyKey.Index(path ?? "", copy) != CopyKey.Index(path ?? "", copy + 1);

    [Fact]
    public void Index_DifferentPaths_Differ()
    {
        var indices = Enumerable.Range(0, 1000).Select(i => CopyKey.Index($"c/{i}.png", 0)).ToHashSet();

        Assert.Equal(1000, indices.Count);
    }
}
