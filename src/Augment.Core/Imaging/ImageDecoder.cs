using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Core.Imaging;

/// <summary>Decodes JPEG, PNG, BMP, GIF (first frame), WebP and TIFF with ImageSharp into RGB
/// <see cref="ImageBuffer"/>s; JPEG goes through libjpeg-turbo when it is installed (see <see cref="JpegDecoder"/>).
/// The header is read first and checked against <see cref="DecodeLimits"/>.</summary>
public static class ImageDecoder
{
    /// <summary>Decodes <paramref name="encoded"/>; throws <see cref="ImageDecodeException"/> naming
    /// <paramref name="sourceName"/> on any failure.</summary>
    public static ImageBuffer Decode(ReadOnlySpan<byte> encoded, string sourceName, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (encoded.IsEmpty)
        {
            throw new ImageDecodeException(sourceName, "file is empty (0 bytes)");
        }
        if (encoded.Length > limits.MaxEncodedBytes)
        {
            throw new ImageDecodeException(sourceName, $"file has {encoded.Length} bytes, over the limit of {limits.MaxEncodedBytes}");
        }
        if (limits.Jpeg != JpegDecoder.ImageSharp && TurboJpeg.LooksLikeJpeg(encoded))
        {
            if (TurboJpeg.IsAvailable)
            {
                return TurboJpeg.Decode(encoded, sourceName, limits);
            }
            if (limits.Jpeg == JpegDecoder.LibJpegTurbo)
            {
                throw new ImageDecodeException(sourceName, "libjpeg-turbo was requested but libturbojpeg.so.0 is not installed (apt-get install libturbojpeg0)");
            }
        }
        var config = limits.Configuration;
        try
        {
            var info = Identify(config, encoded);
            if (info is null)
            {
                throw new ImageDecodeException(sourceName, "not a recognised image format (JPEG, PNG, BMP, GIF, WebP, TIFF)");
            }
            var pixels = (long)info.Width * info.Height;
            if (info.Width <= 0 || info.Height <= 0 || pixels > limits.MaxPixels)
            {
                throw new ImageDecodeException(sourceName,
                    $"image declares {info.Width}x{info.Height} pixels, over the limit of {limits.MaxPixels} pixels (possible decompression bomb)");
            }
            using var image = Image.Load<Rgb24>(config, encoded);
            var buffer = new ImageBuffer(image.Width, image.Height, 3);
            image.Frames.RootFrame.CopyPixelDataTo(buffer.Pixels);
            return buffer;
        }
        catch (ImageDecodeException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidMemoryOperationException or NotSupportedException
                                       or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw new ImageDecodeException(sourceName, $"corrupt or truncated image ({ex.Message})", ex);
        }
    }

    /// <summary>Reads and decodes a file; errors name the file.</summary>
    public static ImageBuffer DecodeFile(string path, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var length = new FileInfo(path).Length;
        if (length > limits.MaxEncodedBytes)
        {
            throw new ImageDecodeException(path, $"file has {length} bytes, over the limit of {limits.MaxEncodedBytes}");
        }
        return Decode(File.ReadAllBytes(path), path, limits);
    }

    private static unsafe IImageInfo? Identify(Configuration config, ReadOnlySpan<byte> encoded)
    {
        fixed (byte* p = encoded)
        {
            using var stream = new UnmanagedMemoryStream(p, encoded.Length);
            return Image.Identify(config, stream);
        }
    }
}
