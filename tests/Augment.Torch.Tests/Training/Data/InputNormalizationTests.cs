using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Training.Data;

[Collection("torch")]
public class InputNormalizationTests
{
    [Fact]
    public void Parse_NamedAndExplicitValues_GiveThoseStatistics()
    {
        Assert.Null(InputNormalization.Parse(null));
        Assert.Null(InputNormalization.Parse("none"));
        var fm = InputNormalization.Parse("fashion-mnist")!;
        Assert.Equal([0.2860f], fm.Mean.ToArray());
        Assert.Equal([0.3530f], fm.Std.ToArray());
        Assert.Equal([0.485f, 0.456f, 0.406f], InputNormalization.Parse("ImageNet")!.Mean.ToArray());
        var rgb = InputNormalization.Parse("0.5,0.25,0.125/0.5, 0.5, 1")!;
        Assert.Equal([0.5f, 0.25f, 0.125f], rgb.Mean.ToArray());
        Assert.Equal([0.5f, 0.5f, 1f], rgb.Std.ToArray());
        Assert.Equal("0.5,0.25,0.125/0.5,0.5,1", rgb.ToString());
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("0.5/0")]
    [InlineData("0.5,0.2/0.3")]
    [InlineData("a/0.3")]
    [InlineData("auto")]
    public void Parse_Malformed_ThrowsNamingTheOption(string text) =>
        Assert.Contains("--normalize", Assert.Throws<ArgumentException>(() => InputNormalization.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Features_WithNormalization_AreVOver255MinusMeanOverStd()
    {
        var source = new ArraySampleSource([0, 51, 255, 128, 10, 20, 30, 40], [0, 1], [2, 2, 1], SampleElementType.UInt8, 2);
        var batch = new BatchLoader(source, 2, 0, shuffle: false).ReadBatch([(0, 0L), (1, 1L)], 0);
        var norm = new InputNormalization([0.2f, 0.5f], [0.5f, 0.25f]);
        using var scope = NewDisposeScope();
        var x = BatchTensors.Features(batch, source, norm).data<float>().ToArray();
        byte[] raw = [0, 51, 255, 128, 10, 20, 30, 40];
        for (var i = 0; i < raw.Length; i++)
        {
            var channel = i / 2 % 2;
            var expected = (raw[i] / 255f - norm.Mean[channel]) / norm.Std[channel];
            Assert.Equal(expected, x[i], 5);
        }
        var plain = BatchTensors.Features(batch, source).data<float>().ToArray();
        Assert.Equal(raw.Select(v => v / 255f).ToArray(), plain);
    }

    [Fact]
    public void Features_OneValue_AppliesToEveryChannel()
    {
        var source = new ArraySampleSource([255, 0, 100], [0], [3, 1, 1], SampleElementType.UInt8, 2);
        var batch = new BatchLoader(source, 1, 0, shuffle: false).ReadBatch([(0, 0L)], 0);
        using var scope = NewDisposeScope();
        var x = BatchTensors.Features(batch, source, InputNormalization.FashionMnist).data<float>().ToArray();
        Assert.Equal(new[] { (1f - 0.2860f) / 0.3530f, (0f - 0.2860f) / 0.3530f, (100f / 255 - 0.2860f) / 0.3530f }, x, new FloatTolerance(1e-5f));
    }

    [Fact]
    public void FromData_TwoChannels_GivesPopulationMeanAndStdOfVOver255()
    {
        // channel 0 holds 0 and 255 (mean 0.5, std 0.5); channel 1 holds 51 everywhere (mean 0.2, std floored at 1e-6)
        var source = new ArraySampleSource([0, 255, 51, 51, 255, 0, 51, 51], [0, 1], [2, 1, 2], SampleElementType.UInt8, 2);
        var n = InputNormalization.Parse("auto", source)!;
        Assert.Equal(0.5f, n.Mean[0], 6);
        Assert.Equal(0.5f, n.Std[0], 6);
        Assert.Equal(0.2f, n.Mean[1], 6);
        Assert.Equal(1e-6f, n.Std[1], 9);
    }

    [Fact]
    public void Check_ChannelMismatchOrNonImageData_Throws()
    {
        var rgb = new ArraySampleSource(new byte[12], [0], [3, 2, 2], SampleElementType.UInt8, 2);
        Assert.Contains("3 channels", Assert.Throws<ArgumentException>(() => new InputNormalization([0.1f, 0.2f], [1f, 1f]).Check(rgb)).Message, StringComparison.Ordinal);
        InputNormalization.ImageNet.Check(rgb);
        InputNormalization.FashionMnist.Check(rgb);
        var table = new ArraySampleSource(new byte[8], [0], [2], SampleElementType.Float32, 2);
        Assert.Contains("uint8 images", Assert.Throws<ArgumentException>(() => InputNormalization.FashionMnist.Check(table)).Message, StringComparison.Ordinal);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
