using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Cli.Tests.Images;

/// <summary>Writes real image files with deterministic synthetic content, and reads images back.</summary>
internal static class TestImages
{
    /// <summary>Writes a gradient with a coloured rectangle; the format follows the extension (.jpg or .png).</summary>
    public static string Write(string path, int width = 96, int height = 72, int variant = 0)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = x > width / 4 && x < width / 2 + variant % 10 && y > height / 3 && y < 2 * height / 3;
                image[x, y] = inside
                    ? new Rgb24(255, (byte)(40 * variant), 30)
                    : new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y + 17 * variant) % 256));
            }
        }
        if (path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase))
        {
            image.Save(path, new JpegEncoder { Quality = 90 });
        }
        else
        {
            image.SaveAsPng(path);
        }
        return path;
    }

    /// <summary>Width and height of an image file (decoded fully, so a truncated file fails).</summary>
    public static (int Width, int Height) SizeOf(string path)
    {
        using var image = Image.Load<Rgb24>(path);
        return (image.Width, image.Height);
    }

    /// <summary>The RGB pixel at (x, y).</summary>
    public static Rgb24 PixelAt(string path, int x, int y)
    {
        using var image = Image.Load<Rgb24>(path);
        return image[x, y];
    }

    /// <summary>All files under <paramref name="root"/> with their bytes, keyed by relative path.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
