using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines;

/// <summary>A compiled image pipeline: immutable and thread-safe. The result for a sample depends only on the
/// sample and its <see cref="SampleKey"/>.</summary>
public sealed class ImagePipeline
{
    private readonly ImageNode[] _nodes;
    private readonly float[] _mean;
    private readonly float[] _std;

    internal ImagePipeline(Pipeline spec, ImageNode[] nodes)
    {
        Spec = spec;
        _nodes = nodes;
        OutputLayout = spec.Output?.Layout ?? ImageLayout.Uint8Hwc;
        _mean = spec.Output is null ? [] : [.. spec.Output.Mean];
        _std = spec.Output is null ? [] : [.. spec.Output.Std];
    }

    /// <summary>A copy of the spec this pipeline was compiled from.</summary>
    public Pipeline Spec { get; }

    /// <summary>The output layout (uint8 HWC or float32 CHW).</summary>
    public ImageLayout OutputLayout { get; }

    /// <summary>Augments <paramref name="sample"/> with the draws of <paramref name="key"/>. Never mutates the input.</summary>
    public AugmentSample Run(AugmentSample sample, SampleKey key)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var canvas = new Canvas(sample, key, Spec.Interpolation, Spec.Boxes);
        foreach (var node in _nodes)
        {
            node.Run(canvas, 0);
        }
        return canvas.Finish();
    }

    /// <summary>Bytes that <see cref="WriteOutput"/> writes for <paramref name="image"/>.</summary>
    public int OutputByteCount(ImageBuffer image) => OutputKernels.ByteCount(image, OutputLayout);

    /// <summary>Writes <paramref name="image"/> in the output layout (normalised for float32 CHW) to a batch slot.</summary>
    public void WriteOutput(ImageBuffer image, Span<byte> destination) =>
        OutputKernels.Write(image, OutputLayout, _mean, _std, destination);
}
