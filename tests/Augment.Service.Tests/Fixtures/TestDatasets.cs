using System.Buffers.Binary;
using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Service.Tests.Fixtures;

/// <summary>Small real datasets on disk under a temporary root, and the configuration that serves them:
/// "imbalanced" (IDX, classes of 30, 10 and 5 samples of 8x8), "folder" (image folder, 2 classes, varying sizes,
/// boxes), "broken" (image folder with one corrupt file), and root "test" over the whole folder.</summary>
public sealed class TestDatasets : IDisposable
{
    /// <summary>Labels of the "imbalanced" dataset.</summary>
    public static readonly int[] ImbalancedLabels = [.. Enumerable.Range(0, 45).Select(i => i % 9 == 0 ? 2 : i % 9 < 3 ? 1 : 0)];

    public TestDatasets()
    {
        Root = Path.Combine(Path.GetTempPath(), "augment-service-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        WriteIdx(Path.Combine(Root, "imbalanced"), ImbalancedLabels, 8, 8);
        for (var i = 0; i < 4; i++)
        {
            WritePng(Path.Combine(Root, "folder", "a", $"{i}.png"), 20 + i, 16, i);
        }
        for (var i = 0; i < 3; i++)
        {
            WritePng(Path.Combine(Root, "folder", "b", $"{i}.png"), 24, 18 + i, 10 + i);
        }
        File.WriteAllText(Path.Combine(Root, "folder", "boxes.csv"), "file,x1,y1,x2,y2,label\na/0.png,2,2,10,10,0\na/0.png,4,4,8,12,1\nb/1.png,0,0,5,5,3\n");
        for (var i = 0; i < 3; i++)
        {
            WritePng(Path.Combine(Root, "broken", "a", $"{i}.png"), 8, 8, i);
        }
        File.WriteAllBytes(Path.Combine(Root, "broken", "a", "3.png"), [0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    }

    public string Root { get; }

    /// <summary>Configuration entries that register the datasets and the root.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Augment:Data:Roots:test"] = Root,
        ["Augment:Data:Datasets:imbalanced:Kind"] = "idx",
        ["Augment:Data:Datasets:imbalanced:Path"] = Path.Combine(Root, "imbalanced-images-idx3-ubyte.gz"),
        ["Augment:Data:Datasets:folder:Kind"] = "image-folder",
        ["Augment:Data:Datasets:folder:Path"] = Path.Combine(Root, "folder"),
        ["Augment:Data:Datasets:broken:Kind"] = "image-folder",
        ["Augment:Data:Datasets:broken:Path"] = Path.Combine(Root, "broken"),
    };

    /// <summary>Writes prefix-images-idx3-ubyte.gz and prefix-labels-idx1-ubyte.gz.</summary>
    public static void WriteIdx(string prefix, int[] labels, int rows, int cols)
    {
        var images = new byte[16 + labels.Length * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(images, 0x0803);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), labels.Length);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), cols);
        for (var p = 16; p < images.Length; p++)
        {
            images[p] = (byte)(p * 31 % 251);
        }
        var labelBytes = new byte[8 + labels.Length];
        BinaryPrimitives.WriteInt32BigEndian(labelBytes, 0x0801);
        BinaryPrimitives.WriteInt32BigEndian(labelBytes.AsSpan(4), labels.Length);
        for (var i = 0; i < labels.Length; i++)
        {
            labelBytes[8 + i] = (byte)labels[i];
        }
        Gzip(prefix + "-images-idx3-ubyte.gz", images);
        Gzip(prefix + "-labels-idx1-ubyte.gz", labelBytes);
    }

    /// <summary>Writes an RGB PNG with a gradient derived from <paramref name="seed"/>.</summary>
    public static byte[] WritePng(string path, int width, int height, int seed)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = Png(width, height, seed);
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    /// <summary>An encoded RGB PNG with a gradient derived from <paramref name="seed"/>.</summary>
    public static byte[] Png(int width, int height, int seed)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(seed * 40 + x * 5), (byte)(seed * 7 + y * 9), (byte)(x * y + seed));
            }
        }
        using var ms = new MemoryStream();
        image.SaveAsPng(ms);
        return ms.ToArray();
    }

    private static void Gzip(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(bytes);
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
