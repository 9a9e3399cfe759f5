using Augment.Core.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Bmp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Cli.Commands.Images;

/// <summary>Encodes <see cref="ImageBuffer"/>s with ImageSharp, single-threaded (callers parallelise across files).
/// PNG output of an image whose three channels are equal is written as 8-bit grey (lossless, a third of the size).</summary>
internal sealed class ImageFileEncoder
{
    private readonly Configuration _config;
    private readonly int _quality;
    private readonly PngCompressionLevel _pngLevel;

    /// <summary>Creates an encoder; <paramref name="quality"/> is the JPEG quality (1..100), <paramref name="pngLevel"/>
    /// the PNG (zlib) compression level 0..9.</summary>
    public ImageFileEncoder(int quality, int pngLevel = 6)
    {
        _quality = quality;
        _pngLevel = (PngCompressionLevel)Math.Clamp(pngLevel, 0, 9);
        _config = Configuration.Default.Clone();
        _config.MaxDegreeOfParallelism = 1;
    }

    /// <summary>Encodes <paramref name="image"/> for a file with extension <paramref name="extension"/>
    /// (.png, .jpg, .bmp, .gif, .tif, .webp).</summary>
    public byte[] Encode(ImageBuffer image, string extension)
    {
        ArgumentNullException.ThrowIfNull(image);
        IImageEncoder encoder = extension switch
        {
            ".png" => new PngEncoder { CompressionLevel = _pngLevel },
            ".jpg" => new JpegEncoder { Quality = _quality },
            ".bmp" => new BmpEncoder(),
            ".gif" => new GifEncoder(),
            ".tif" => new TiffEncoder(),
            ".webp" => new WebpEncoder { FileFormat = WebpFileFormatType.Lossless },
            _ => throw new ArgumentException($"no encoder for '{extension}'", nameof(extension)),
        };
        using var stream = new MemoryStream();
        if (image.Channels == 1 || (extension == ".png" && IsGrey(image)))
        {
            using var grey = Image.LoadPixelData<L8>(_config, image.Channels == 1 ? image.Pixels : FirstChannel(image), image.Width, image.Height);
            grey.Save(stream, encoder);
        }
        else
        {
            using var rgb = Image.LoadPixelData<Rgb24>(_config, image.Pixels, image.Width, image.Height);
            rgb.Save(stream, encoder);
        }
        return stream.ToArray();
    }

    private static bool IsGrey(ImageBuffer image)
    {
        var p = image.Pixels;
        for (var i = 0; i < p.Length; i += 3)
        {
            if (p[i] != p[i + 1] || p[i] != p[i + 2])
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] FirstChannel(ImageBuffer image)
    {
        var p = image.Pixels;
        var result = new byte[image.Width * image.Height];
        for (int i = 0, j = 0; j < result.Length; i += 3, j++)
        {
            result[j] = p[i];
        }
        return result;
    }
}
