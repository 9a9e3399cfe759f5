// ============================================================================================
// TEMPORARY STUBS of the lead's image pipeline contract (Augment.Core.Imaging / Pipelines).
// Branch `service` only: DELETE THIS FILE after `git merge main` brings the real types.
// Identity pipeline; minimal decoder. Nothing here is final.
// ============================================================================================
#pragma warning disable CA1812, CA1819
using Augment.Contracts.V1;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Core.Imaging
{
    /// <summary>Stub.</summary>
    public sealed class ImageBuffer(int width, int height, int channels, byte[] pixels)
    {
        /// <summary>Stub.</summary>
        public int Width { get; } = width;
        /// <summary>Stub.</summary>
        public int Height { get; } = height;
        /// <summary>Stub.</summary>
        public int Channels { get; } = channels;
        /// <summary>Stub.</summary>
        public byte[] Pixels { get; } = pixels;
    }

    /// <summary>Stub.</summary>
    public readonly record struct BoundingBox(float X1, float Y1, float X2, float Y2, int Label);

    /// <summary>Stub.</summary>
    public readonly record struct Keypoint(float X, float Y);

    /// <summary>Stub.</summary>
    public sealed class AugmentSample
    {
        /// <summary>Stub.</summary>
        public AugmentSample() { Image = new ImageBuffer(0, 0, 1, []); }
        /// <summary>Stub.</summary>
        public AugmentSample(ImageBuffer image) { Image = image; }
        /// <summary>Stub.</summary>
        public ImageBuffer Image { get; init; }
        /// <summary>Stub.</summary>
        public IReadOnlyList<BoundingBox> Boxes { get; init; } = [];
        /// <summary>Stub.</summary>
        public IReadOnlyList<Keypoint> Keypoints { get; init; } = [];
        /// <summary>Stub.</summary>
        public ImageBuffer? Mask { get; init; }
    }

    /// <summary>Stub.</summary>
    public sealed record DecodeLimits(long MaxPixels, int AllocationMegabytes)
    {
        /// <summary>Stub.</summary>
        public static DecodeLimits Default { get; } = new(100_000_000, 1024);
    }

    /// <summary>Stub.</summary>
    public sealed class ImageDecodeException(string message) : Exception(message);

    /// <summary>Stub.</summary>
    public static class ImageDecoder
    {
        /// <summary>Stub.</summary>
        public static ImageBuffer Decode(ReadOnlySpan<byte> encoded, string sourceName, DecodeLimits limits)
        {
            ArgumentNullException.ThrowIfNull(limits);
            try
            {
                using var image = Image.Load<Rgb24>(encoded);
                if ((long)image.Width * image.Height > limits.MaxPixels)
                {
                    throw new ImageDecodeException($"{sourceName}: {image.Width}x{image.Height} exceeds the pixel limit");
                }
                var pixels = new byte[image.Width * image.Height * 3];
                image.CopyPixelDataTo(pixels);
                return new ImageBuffer(image.Width, image.Height, 3, pixels);
            }
            catch (Exception ex) when (ex is UnknownImageFormatException or InvalidImageContentException)
            {
                throw new ImageDecodeException($"{sourceName}: cannot decode ({ex.Message})");
            }
        }
    }
}

namespace Augment.Core.Pipelines
{
    using Augment.Core.Imaging;
    using Augment.Core.Randomness;

    /// <summary>Stub.</summary>
    public sealed record SpecError(string Path, string Message);

    /// <summary>Stub.</summary>
    public sealed class SpecException(IReadOnlyList<SpecError> errors)
        : Exception(string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}")))
    {
        /// <summary>Stub.</summary>
        public IReadOnlyList<SpecError> Errors { get; } = errors;
    }

    /// <summary>Stub.</summary>
    public static class PipelineCompiler
    {
        /// <summary>Stub: identity pipeline; refuses rotate with min &gt; max to exercise errors.</summary>
        public static ImagePipeline Compile(Pipeline spec)
        {
            ArgumentNullException.ThrowIfNull(spec);
            var errors = new List<SpecError>();
            for (var i = 0; i < spec.Nodes.Count; i++)
            {
                var n = spec.Nodes[i];
                if (n.HasP && (n.P < 0 || n.P > 1))
                {
                    errors.Add(new SpecError($"nodes[{i}].p", "must be in [0, 1]"));
                }
                if (n.OpCase == Node.OpOneofCase.Rotate && n.Rotate.Degrees is { } d && d.Min > d.Max)
                {
                    errors.Add(new SpecError($"nodes[{i}].rotate.degrees", "min > max"));
                }
                if (n.OpCase == Node.OpOneofCase.None)
                {
                    errors.Add(new SpecError($"nodes[{i}]", "no operation set"));
                }
            }
            if (errors.Count > 0)
            {
                throw new SpecException(errors);
            }
            return new ImagePipeline(spec.Output ?? new ImageOutput());
        }
    }

    /// <summary>Stub.</summary>
    public sealed class ImagePipeline
    {
        private readonly ImageOutput _output;

        internal ImagePipeline(ImageOutput output) { _output = output; }

        /// <summary>Stub.</summary>
        public ImageLayout OutputLayout => _output.Layout;

        /// <summary>Stub: identity.</summary>
        public AugmentSample Run(AugmentSample sample, SampleKey key)
        {
            ArgumentNullException.ThrowIfNull(sample);
            _ = key;
            return new AugmentSample(sample.Image) { Boxes = sample.Boxes, Keypoints = sample.Keypoints, Mask = sample.Mask };
        }

        /// <summary>Stub.</summary>
        public int OutputByteCount(ImageBuffer img)
        {
            ArgumentNullException.ThrowIfNull(img);
            var n = img.Width * img.Height * img.Channels;
            return OutputLayout == ImageLayout.Float32Chw ? n * 4 : n;
        }

        /// <summary>Stub.</summary>
        public void WriteOutput(ImageBuffer img, Span<byte> destination)
        {
            ArgumentNullException.ThrowIfNull(img);
            if (OutputLayout != ImageLayout.Float32Chw)
            {
                img.Pixels.CopyTo(destination);
                return;
            }
            var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(destination);
            var plane = img.Width * img.Height;
            for (var c = 0; c < img.Channels; c++)
            {
                var mean = _output.Mean.Count > c ? _output.Mean[c] : 0f;
                var std = _output.Std.Count > c ? _output.Std[c] : 1f;
                for (var p = 0; p < plane; p++)
                {
                    floats[c * plane + p] = (img.Pixels[p * img.Channels + c] / 255f - mean) / std;
                }
            }
        }
    }
}
