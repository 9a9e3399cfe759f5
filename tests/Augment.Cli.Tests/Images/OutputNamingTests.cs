using Augment.Cli.Commands.Images;

namespace Augment.Cli.Tests.Images;

public sealed class OutputNamingTests
{
    private static SourceFile S(string rel) => new("/x/" + rel, rel);

    [Fact]
    public void RelativeOutput_KeepsFolderAndNumbersCopies()
    {
        var naming = new OutputNaming([S("cats/a.jpg")], OutputFormat.Png);

        Assert.Equal("cats/a_aug007.png", naming.RelativeOutput(S("cats/a.jpg"), 7));
    }

    [Fact]
    public void RelativeOutput_SameStemInOneFolder_AddsSourceExtension()
    {
        var sources = new[] { S("cats/a.jpg"), S("cats/a.png"), S("dogs/a.png") };
        var naming = new OutputNaming(sources, OutputFormat.Png);

        var names = sources.Select(s => naming.RelativeOutput(s, 0)).ToArray();

        Assert.Equal(["cats/a_jpg_aug000.png", "cats/a_png_aug000.png", "dogs/a_aug000.png"], names);
    }

    [Theory]
    [InlineData("Jpeg", "b.png", "b_aug000.jpg")]
    [InlineData("Same", "b.JPEG", "b_aug000.jpg")]
    [InlineData("Same", "b.tiff", "b_aug000.tif")]
    [InlineData("Same", "b.webp", "b_aug000.webp")]
    public void RelativeOutput_Format_ChoosesExtension(string format, string source, string expected)
    {
        var naming = new OutputNaming([S(source)], Enum.Parse<OutputFormat>(format));

        Assert.Equal(expected, naming.RelativeOutput(S(source), 0));
    }
}
