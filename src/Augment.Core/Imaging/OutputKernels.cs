using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Augment.Contracts.V1;

namespace Augment.Core.Imaging;

/// <summary>Writes an image into a batch slot: uint8 HWC as is, or float32 CHW normalised, little-endian.</summary>
public static class OutputKernels
{
    /// <summary>Bytes that <see cref="Write"/> produces for <paramref name="image"/>.</summary>
    public static int ByteCount(ImageBuffer image, ImageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(image);
        var n = image.Width * image.Height * image.Channels;
        return layout == ImageLayout.Float32Chw ? n * 4 : n;
    }

    /// <summary>Writes <paramref name="image"/> to <paramref name="destination"/> as (x / 255 - mean[c]) / std[c]
    /// in CHW order, or copies the HWC bytes for the uint8 layout.</summary>
    public static void Write(ImageBuffer image, ImageLayout layout, ReadOnlySpan<float> mean, ReadOnlySpan<float> std, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(image);
        var need = ByteCount(image, layout);
        if (destination.Length < need)
        {
            throw new ArgumentException($"destination has {destination.Length} bytes, needs {need}", nameof(destination));
        }
        if (layout != ImageLayout.Float32Chw)
        {
            image.Pixels.CopyTo(destination);
            return;
        }
        var ch = image.Channels;
        var plane = image.Width * image.Height;
        Span<float> lut = stackalloc float[256];
        var s = image.Pixels;
        for (var c = 0; c < ch; c++)
        {
            var m = mean.IsEmpty ? 0f : mean[c % mean.Length];
            var sd = std.IsEmpty ? 1f : std[c % std.Length];
            for (var v = 0; v < 256; v++)
            {
                lut[v] = (v / 255f - m) / sd;
            }
            var outBytes = destination.Slice(c * plane * 4, plane * 4);
            if (BitConverter.IsLittleEndian)
            {
                var outPlane = MemoryMarshal.Cast<byte, float>(outBytes);
                for (int i = 0, si = c; i < outPlane.Length; i++, si += ch)
                {
                    outPlane[i] = lut[s[si]];
                }
                continue;
            }
            for (int i = 0, si = c; i < plane; i++, si += ch)
            {
                BinaryPrimitives.WriteSingleLittleEndian(outBytes.Slice(i * 4, 4), lut[s[si]]);
            }
        }
    }
}
