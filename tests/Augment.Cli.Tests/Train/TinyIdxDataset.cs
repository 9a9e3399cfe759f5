using System.Buffers.Binary;
using System.IO.Compression;

namespace Augment.Cli.Tests.Train;

/// <summary>Writes a tiny Fashion-MNIST-shaped IDX data set (12x12, 3 classes: class c brightens band c).</summary>
internal static class TinyIdxDataset
{
    public static string Write(string folder, int trainCount = 90, int testCount = 30)
    {
        Directory.CreateDirectory(folder);
        WriteSplit(folder, "train", trainCount, 1);
        WriteSplit(folder, "t10k", testCount, 2);
        return folder;
    }

    private static void WriteSplit(string folder, string prefix, int count, int salt)
    {
        var images = new byte[16 + count * 144];
        BinaryPrimitives.WriteInt32BigEndian(images, 2051);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(8), 12);
        BinaryPrimitives.WriteInt32BigEndian(images.AsSpan(12), 12);
        var labels = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(labels, 2049);
        BinaryPrimitives.WriteInt32BigEndian(labels.AsSpan(4), count);
        for (var i = 0; i < count; i++)
        {
            var c = i % 3;
            labels[8 + i] = (byte)c;
            for (var p = 0; p < 144; p++)
            {
                var band = p / 12 / 4;
                images[16 + i * 144 + p] = (byte)((band == c ? 180 : 30) + (p * 7 + i * 13 + salt) % 50);
            }
        }
        Gz(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), images);
        Gz(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), labels);
    }

    private static void Gz(string path, byte[] data)
    {
        using var f = File.Create(path);
        using var gz = new GZipStream(f, CompressionLevel.Fastest);
        gz.Write(data);
    }
}
