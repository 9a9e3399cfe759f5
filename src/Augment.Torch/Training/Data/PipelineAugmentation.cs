using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;

namespace Augment.Torch.Training.Data;

/// <summary>Runs an Augment.Core <see cref="ImagePipeline"/> on uint8 [C, H, W] samples, keyed by the
/// sample's (seed, epoch, index): the same bytes the service would stream for that key. The pipeline must
/// keep the image size (use a crop back to the input size after any padding or resize) and produce uint8 HWC.</summary>
public static class PipelineAugmentation
{
    /// <summary>An augmentation for <see cref="ArraySampleSource"/> over samples of shape <paramref name="sampleShape"/>.</summary>
    public static ArraySampleSource.Augmentation For(ImagePipeline pipeline, IReadOnlyList<int> sampleShape)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(sampleShape);
        if (sampleShape.Count != 3 || sampleShape[0] is not (1 or 3))
        {
            throw new ArgumentException($"pipeline augmentation: needs image samples [1 or 3, H, W], got [{string.Join(", ", sampleShape)}]");
        }
        if (pipeline.OutputLayout != ImageLayout.Uint8Hwc)
        {
            throw new ArgumentException("pipeline augmentation: the pipeline's output layout must be uint8 HWC (the trainer normalises on the torch side)");
        }
        int c = sampleShape[0], h = sampleShape[1], w = sampleShape[2];
        return (input, key, output) =>
        {
            var hwc = new byte[input.Length];
            ChwToHwc(input, hwc, c, h, w);
            var result = pipeline.Run(new AugmentSample(new ImageBuffer(w, h, c, hwc)), key).Image;
            if (result.Width != w || result.Height != h || result.Channels != c)
            {
                throw new InvalidOperationException($"pipeline augmentation: the pipeline turned a {w}x{h}x{c} image into {result.Width}x{result.Height}x{result.Channels}; add a crop or resize back to {w}x{h}");
            }
            HwcToChw(result.Pixels, output, c, h, w);
        };
    }

    private static void ChwToHwc(ReadOnlySpan<byte> chw, Span<byte> hwc, int c, int h, int w)
    {
        if (c == 1)
        {
            chw.CopyTo(hwc);
            return;
        }
        for (var ch = 0; ch < c; ch++)
        {
            for (var i = 0; i < h * w; i++)
            {
                hwc[i * c + ch] = chw[ch * h * w + i];
            }
        }
    }

    private static void HwcToChw(ReadOnlySpan<byte> hwc, Span<byte> chw, int c, int h, int w)
    {
        if (c == 1)
        {
            hwc.CopyTo(chw);
            return;
        }
        for (var ch = 0; ch < c; ch++)
        {
            for (var i = 0; i < h * w; i++)
            {
                chw[ch * h * w + i] = hwc[i * c + ch];
            }
        }
    }
}
