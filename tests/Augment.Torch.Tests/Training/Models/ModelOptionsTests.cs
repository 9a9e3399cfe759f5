using Augment.Torch.Training.Models;

namespace Augment.Torch.Tests.Training.Models;

public class ModelOptionsTests
{
    [Theory]
    [InlineData("torch", InitScheme.Torch)]
    [InlineData("glorot", InitScheme.Glorot)]
    [InlineData(" Keras ", InitScheme.Glorot)]
    [InlineData("xavier", InitScheme.Glorot)]
    public void ParseInit_KnownNames_Parse(string text, InitScheme expected) => Assert.Equal(expected, ModelOptions.ParseInit(text));

    [Theory]
    [InlineData("valid", ConvPadding.Valid)]
    [InlineData("SAME", ConvPadding.Same)]
    public void ParsePadding_KnownNames_Parse(string text, ConvPadding expected) => Assert.Equal(expected, ModelOptions.ParsePadding(text));

    [Fact]
    public void Parse_UnknownNames_ThrowNamingTheOption()
    {
        Assert.Contains("--init", Assert.Throws<ArgumentException>(() => ModelOptions.ParseInit("he")).Message, StringComparison.Ordinal);
        Assert.Contains("--padding", Assert.Throws<ArgumentException>(() => ModelOptions.ParsePadding("full")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTorchInitAndUnsetPaddingThatResolvesToValid()
    {
        var o = new ModelOptions();
        Assert.Equal(InitScheme.Torch, o.Init);
        Assert.Null(o.Padding);
        Assert.Equal(ConvPadding.Valid, o.Resolved().Padding);
        Assert.Equal(ConvPadding.Same, new ModelOptions { Padding = ConvPadding.Same }.Resolved().Padding);
    }
}
