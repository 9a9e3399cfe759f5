using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Pipelines;
using Augment.Service.Hosting;
using Augment.Service.Batches;

namespace Augment.Service.Images;

/// <summary>The image side of StreamBatches: validates the image-only fields, compiles the pipeline and makes
/// the <see cref="BatchBuilder"/>.</summary>
internal static class ImageStreamSource
{
    /// <summary>Node id of the resize appended for target_width / target_height.</summary>
    public const string TargetSizeNodeId = "augment.target_size";

    /// <summary>Validates and compiles.</summary>
    /// <exception cref="ArgumentException">A field is invalid (message starts with its name).</exception>
    /// <exception cref="SpecException">The pipeline is invalid.</exception>
    public static StreamSource Create(StreamBatchesRequest request, IImageDataset dataset, ServiceOptions options, BatchBufferPool buffers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(buffers);
        StreamFields.RefuseForeign(request, DatasetKind.ImageFolder);
        if ((request.TargetWidth > 0) != (request.TargetHeight > 0) || request.TargetWidth < 0 || request.TargetHeight < 0)
        {
            throw new ArgumentException($"target_width, target_height: set both (> 0) or neither (got {request.TargetWidth} x {request.TargetHeight})");
        }
        if (request.TargetWidth > options.MaxTargetSide || request.TargetHeight > options.MaxTargetSide)
        {
            throw new ArgumentException($"target_width, target_height: {request.TargetWidth} x {request.TargetHeight} exceeds {options.MaxTargetSide}");
        }
        if (!Enum.IsDefined(request.OnDecodeError))
        {
            throw new ArgumentException($"on_decode_error: unknown value {(int)request.OnDecodeError}");
        }
        var pipeline = PipelineCompiler.Compile(EffectiveSpec(request.Pipeline, request.Output, request.TargetWidth, request.TargetHeight));
        return new StreamSource(dataset.Name, dataset.ClassNames, dataset.Labels,
            plan => new BatchBuilder(plan, dataset, pipeline, options.MaxBatchBytes, buffers));
    }

    /// <summary>The spec actually compiled: the request's pipeline with its output replaced by
    /// <paramref name="output"/> (when set) and a final exact resize to the target size (when set).</summary>
    public static Pipeline EffectiveSpec(Pipeline? pipeline, ImageOutput? output, int targetWidth, int targetHeight)
    {
        var spec = pipeline?.Clone() ?? new Pipeline();
        if (output is not null)
        {
            spec.Output = output.Clone();
        }
        if (targetWidth > 0 && targetHeight > 0)
        {
            spec.Nodes.Add(new Node { Id = TargetSizeNodeId, Resize = new Resize { Width = targetWidth, Height = targetHeight } });
        }
        return spec;
    }
}
