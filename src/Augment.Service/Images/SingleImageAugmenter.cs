using Augment.Contracts.V1;
using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Service.Images;

/// <summary>Augments one client-sent image (encoded or raw uint8 HWC). Failures of that image become the
/// response's <c>error</c>; the stream goes on.</summary>
internal static class SingleImageAugmenter
{
    /// <summary>Decodes or unpacks, augments with key (seed, epoch, index), and packs the result.</summary>
    public static AugmentImagesResponse Augment(ImageRequestItem item, DecodeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var request = item.Request;
        var response = new AugmentImagesResponse { Index = request.Index };
        var name = request.Name.Length > 0 ? request.Name : $"image {request.Index}";
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var input = new AugmentSample(Image(request, name, limits)) { Boxes = Boxes(request) };
            var output = item.Pipeline.Run(input, new SampleKey(request.Seed, request.Epoch, request.Index));
            var img = output.Image;
            var data = new byte[item.Pipeline.OutputByteCount(img)];
            item.Pipeline.WriteOutput(img, data);
            response.Image = item.Pipeline.OutputLayout == ImageLayout.Float32Chw
                ? TensorFactory.Wrap(DType.Float32, data, img.Channels, img.Height, img.Width)
                : TensorFactory.Wrap(DType.Uint8, data, img.Height, img.Width, img.Channels);
            if (request.Boxes is not null)
            {
                var boxes = BatchBuilder.Boxes(output.Boxes);
                response.Boxes = boxes.Boxes;
                response.BoxLabels = boxes.Labels;
            }
        }
        catch (ImageDecodeException ex)
        {
            response.Error = ex.Message;
        }
        catch (ArgumentException ex)
        {
            response.Error = $"{name}: {ex.Message}";
        }
        return response;
    }

    private static ImageBuffer Image(AugmentImagesRequest request, string name, DecodeLimits limits)
    {
        switch (request.ImageCase)
        {
            case AugmentImagesRequest.ImageOneofCase.Encoded:
                return ImageDecoder.Decode(request.Encoded.Span, name, limits);
            case AugmentImagesRequest.ImageOneofCase.Raw:
                var raw = request.Raw;
                if (raw.Dtype != DType.Uint8 || raw.Shape.Count != 3 || raw.Shape[2] is not (1 or 3) || raw.Shape[0] < 1 || raw.Shape[1] < 1)
                {
                    throw new ArgumentException($"raw: expected a uint8 tensor [H, W, C] with C = 1 or 3, got {raw.Dtype} [{string.Join(", ", raw.Shape)}]");
                }
                if (raw.Shape[0] * raw.Shape[1] > limits.MaxPixels)
                {
                    throw new ArgumentException($"raw: {raw.Shape[1]}x{raw.Shape[0]} exceeds the limit of {limits.MaxPixels} pixels");
                }
                var expected = raw.Shape[0] * raw.Shape[1] * raw.Shape[2];
                if (raw.Data.Length != expected)
                {
                    throw new ArgumentException($"raw.data: {raw.Data.Length} bytes for shape [{string.Join(", ", raw.Shape)}], expected {expected}");
                }
                return new ImageBuffer((int)raw.Shape[1], (int)raw.Shape[0], (int)raw.Shape[2], raw.Data.ToByteArray());
            default:
                throw new ArgumentException("image: set encoded or raw");
        }
    }

    private static BoundingBox[] Boxes(AugmentImagesRequest request)
    {
        if (request.Boxes is null)
        {
            return [];
        }
        var t = request.Boxes;
        if (t.Dtype != DType.Float32 || t.Shape.Count != 2 || t.Shape[1] != 4 || t.Data.Length != t.Shape[0] * 16)
        {
            throw new ArgumentException($"boxes: expected float32 [M, 4] with matching data, got {t.Dtype} [{string.Join(", ", t.Shape)}] and {t.Data.Length} bytes");
        }
        var m = (int)t.Shape[0];
        var coords = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(t.Data.Span);
        ReadOnlySpan<long> labels = [];
        if (request.BoxLabels is { } l)
        {
            if (l.Dtype != DType.Int64 || l.Shape.Count != 1 || l.Shape[0] != m || l.Data.Length != m * 8)
            {
                throw new ArgumentException($"box_labels: expected int64 [{m}], got {l.Dtype} [{string.Join(", ", l.Shape)}]");
            }
            labels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(l.Data.Span);
        }
        var boxes = new BoundingBox[m];
        for (var i = 0; i < m; i++)
        {
            boxes[i] = new BoundingBox(coords[4 * i], coords[4 * i + 1], coords[4 * i + 2], coords[4 * i + 3], labels.IsEmpty ? 0 : (int)labels[i]);
        }
        return boxes;
    }
}
