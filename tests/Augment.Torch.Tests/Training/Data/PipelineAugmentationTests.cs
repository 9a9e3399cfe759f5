using Augment.Core.Pipelines;
using Augment.Core.Randomness;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Tests.Training.Data;

public class PipelineAugmentationTests
{
    private static ArraySampleSource.Augmentation Compile(string json, IReadOnlyList<int> shape) =>
        PipelineAugmentation.For(PipelineCompiler.Compile(SpecJson.Parse(json)), shape);

    [Fact]
    public void For_Flip_MirrorsEveryChannelOfChwImage()
    {
        var aug = Compile("""{"nodes":[{"horizontalFlip":{}}]}""", [3, 2, 2]);
        byte[] chw = [1, 2, 3, 4, 10, 20, 30, 40, 100, 110, 120, 130];
        var output = new byte[12];
        aug(chw, new SampleKey(1, 0, 0), output);
        Assert.Equal([2, 1, 4, 3, 20, 10, 40, 30, 110, 100, 130, 120], output);
    }

    [Fact]
    public void For_SameKey_SameBytes_DifferentKey_DifferentBytes()
    {
        var aug = Compile("""{"nodes":[{"randomCrop":{"width":8,"height":8,"padding":3}}]}""", [1, 8, 8]);
        var input = Enumerable.Range(0, 64).Select(i => (byte)(i * 3)).ToArray();
        byte[] a = new byte[64], b = new byte[64], c = new byte[64];
        aug(input, new SampleKey(1, 0, 5), a);
        aug(input, new SampleKey(1, 0, 5), b);
        aug(input, new SampleKey(1, 1, 5), c);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void For_PipelineChangesSize_ThrowsNamingSizes()
    {
        var aug = Compile("""{"nodes":[{"resize":{"width":4,"height":4}}]}""", [1, 8, 8]);
        var ex = Assert.Throws<InvalidOperationException>(() => aug(new byte[64], default, new byte[64]));
        Assert.Contains("8x8", ex.Message, StringComparison.Ordinal);
    }
}
