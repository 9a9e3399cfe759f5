using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Core.Tests.Data;

/// <summary>A temporary folder with helpers that write real IDX and image files.</summary>
public sealed class DataTestFiles : IDisposable
{
    public DataTestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "augment-data-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>The repository's data/sample folder.</summary>
    public static string SampleFolder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "data", "sample")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("data/sample"), "data", "sample");
        }
    }

    /// <summary>Writes prefix-images-idx3-ubyte[.gz] and prefix-labels-idx1-ubyte[.gz]; pixel (i, r, c) = (i + r + c) mod 256.</summary>
    public string WriteIdx(string prefix, int[] labels, int rows = 4, int cols = 3, bool gzip = true)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32BigEndian(header, 0x0803);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), labels.Length);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), cols);
        var pixels = new byte[labels.Length * rows * cols];
        for (var i = 0; i < labels.Length; i++)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    pixels[(i * rows + r) * cols + c] = (byte)((i + r + c) % 256);
                }
            }
        }
        var labelHeader = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(labelHeader, 0x0801);
        BinaryPrimitives.WriteInt32BigEndian(labelHeader.AsSpan(4), labels.Length);
        var ext = gzip ? ".gz" : "";
        var images = PathOf($"{prefix}-images-idx3-ubyte{ext}");
        Write(images, [.. header, .. pixels], gzip);
        Write(PathOf($"{prefix}-labels-idx1-ubyte{ext}"), [.. labelHeader, .. labels.Select(l => (byte)l)], gzip);
        return images;
    }

    public static void Write(string path, byte[] bytes, bool gzip)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        if (gzip)
        {
            using var gz = new GZipStream(file, CompressionLevel.Fastest);
            gz.Write(bytes);
        }
        else
        {
            file.Write(bytes);
        }
    }

    /// <summary>Writes a PNG of <paramref name="width"/> x <paramref name="height"/> filled with a colour derived from <paramref name="seed"/>.</summary>
    public string WritePng(string relative, int width, int height, int seed)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(seed * 40 + x), (byte)(seed * 7 + y), (byte)(x * y + seed));
            }
        }
        image.SaveAsPng(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
