using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using static TorchSharp.torch;

namespace Augment.Torch.Tests.Training;

[Collection("torch")]
public class ChannelsLastTests
{
    [Theory]
    [InlineData(1, new long[] { 12, 1, 4, 1 })]
    [InlineData(3, new long[] { 36, 1, 12, 3 })]
    public void Of_ImageBatch_SameValuesWithChannelsLastStrides(int channels, long[] strides)
    {
        using var scope = NewDisposeScope();
        var x = arange(2L * channels * 3 * 4, ScalarType.Float32).reshape(2, channels, 3, 4);
        var y = ChannelsLast.Of(x);
        Assert.Equal(x.shape, y.shape);
        Assert.Equal(strides, y.stride());
        Assert.True(equal(x, y).all().item<bool>());
    }

    [Fact]
    public void Of_NotFourDimensional_KeepsTheTensor()
    {
        using var scope = NewDisposeScope();
        var x = arange(6, ScalarType.Float32).reshape(2, 3);
        var y = ChannelsLast.Of(x);
        Assert.Equal(x.stride(), y.stride());
        Assert.True(equal(x, y).all().item<bool>());
    }

    [Fact]
    public void Features_RgbBatch_ChannelsLastAndConvolutionMatchesNchw()
    {
        var bytes = Enumerable.Range(0, 2 * 3 * 5 * 5).Select(i => (byte)(i * 37 % 251)).ToArray();
        var source = new ArraySampleSource(bytes, [0, 1], [3, 5, 5], SampleElementType.UInt8, 2);
        var batch = new BatchLoader(source, 2, 0, shuffle: false).ReadBatch([(0, 0L), (1, 1L)], 0);
        using var scope = NewDisposeScope();
        var x = BatchTensors.Features(batch, source);
        Assert.Equal(new long[] { 75, 1, 15, 3 }, x.stride());
        var nchw = tensor(bytes, [2, 3, 5, 5], ScalarType.Byte).to_type(ScalarType.Float32) / 255f;
        Assert.True(equal(nchw, x).all().item<bool>());
        manual_seed(3);
        var conv = nn.Conv2d(3, 8, 3, padding: 1);
        using var noGrad = no_grad();
        Assert.True(allclose(conv.forward(nchw), conv.forward(x), rtol: 1e-5, atol: 1e-6));
    }
}
