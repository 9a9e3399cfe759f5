using System.Buffers.Binary;
using System.IO.Compression;

namespace Augment.Torch.Training.Data;

/// <summary>Minimal reader for (gzipped) IDX files as used by MNIST and Fashion-MNIST: big-endian header,
/// magic 2051 (uint8 images) or 2049 (uint8 labels). To be replaced by Augment.Core's IDX dataset.</summary>
public static class IdxReader
{
    /// <summary>Loads a dataset from an images file and a labels file as a uint8 [1, H, W] source.</summary>
    public static ArraySampleSource Load(string imagesPath, string labelsPath, int classCount = 10)
    {
        var (images, count, rows, cols) = ReadImages(imagesPath);
        var labels = ReadLabels(labelsPath);
        if (labels.Length != count)
        {
            throw new InvalidDataException($"{labelsPath}: {labels.Length} labels but {imagesPath} has {count} images");
        }
        var ints = new int[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            ints[i] = labels[i];
            if (ints[i] >= classCount)
            {
                throw new InvalidDataException($"{labelsPath}: label {ints[i]} at index {i} is outside [0, {classCount})");
            }
        }
        return new ArraySampleSource(images, ints, [1, rows, cols], SampleElementType.UInt8, classCount);
    }

    /// <summary>Loads Fashion-MNIST's train or test split from <paramref name="folder"/> (Debian's dataset-fashion-mnist layout).</summary>
    public static ArraySampleSource LoadFashionMnist(string folder, bool train)
    {
        var prefix = train ? "train" : "t10k";
        return Load(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"));
    }

    private static byte[] ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: IDX file not found", path);
        }
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static (byte[] Pixels, int Count, int Rows, int Cols) ReadImages(string path)
    {
        var data = ReadAll(path);
        if (data.Length < 16 || BinaryPrimitives.ReadInt32BigEndian(data) != 2051)
        {
            throw new InvalidDataException($"{path}: not an IDX image file (magic 2051 expected)");
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
        var rows = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(8));
        var cols = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(12));
        var size = (long)count * rows * cols;
        if (count < 0 || rows <= 0 || cols <= 0 || data.Length - 16 != size)
        {
            throw new InvalidDataException($"{path}: header says {count}x{rows}x{cols} but the file has {data.Length - 16} pixel bytes");
        }
        return (data[16..], count, rows, cols);
    }

    private static byte[] ReadLabels(string path)
    {
        var data = ReadAll(path);
        if (data.Length < 8 || BinaryPrimitives.ReadInt32BigEndian(data) != 2049)
        {
            throw new InvalidDataException($"{path}: not an IDX label file (magic 2049 expected)");
        }
        var count = BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(4));
        if (count < 0 || data.Length - 8 != count)
        {
            throw new InvalidDataException($"{path}: header says {count} labels but the file has {data.Length - 8} bytes");
        }
        return data[8..];
    }
}
