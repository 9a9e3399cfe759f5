using System.Buffers.Binary;
using System.IO.Compression;

namespace Augment.Core.Data;

/// <summary>Reads IDX files (MNIST format: big-endian header, uint8 data), gzipped or plain
/// (detected from the first two bytes, not the file name).</summary>
internal static class IdxFile
{
    /// <summary>Magic number of an IDX file of unsigned bytes with three dimensions (images).</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>Magic number of an IDX file of unsigned bytes with one dimension (labels).</summary>
    public const int LabelsMagic = 0x0801;

    /// <summary>Largest data section accepted (bytes).</summary>
    public const long MaxDataBytes = int.MaxValue - 1024;

    /// <summary>Reads an images file: count x rows x cols bytes.</summary>
    public static (int Count, int Rows, int Cols, byte[] Pixels) ReadImages(string path)
    {
        var (dims, data) = Read(path, ImagesMagic, 3);
        return (dims[0], dims[1], dims[2], data);
    }

    /// <summary>Reads a labels file: one byte per sample.</summary>
    public static byte[] ReadLabels(string path) => Read(path, LabelsMagic, 1).Data;

    private static (int[] Dims, byte[] Data) Read(string path, int expectedMagic, int rank)
    {
        try
        {
            using var file = File.OpenRead(path);
            using var stream = IsGzip(file) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
            Span<byte> header = stackalloc byte[4 + 4 * rank];
            ReadFully(stream, header[..4], path, "header");
            var magic = BinaryPrimitives.ReadInt32BigEndian(header);
            if (magic != expectedMagic)
            {
                throw Bad(path, $"magic number 0x{magic:x8} is not 0x{expectedMagic:x8} (uint8, {rank} dimension(s))");
            }
            ReadFully(stream, header[4..], path, "header");
            var dims = new int[rank];
            long total = 1;
            for (var i = 0; i < rank; i++)
            {
                dims[i] = BinaryPrimitives.ReadInt32BigEndian(header[(4 + 4 * i)..]);
                if (dims[i] <= 0)
                {
                    throw Bad(path, $"dimension {i} is {dims[i]}");
                }
                total *= dims[i];
                if (total > MaxDataBytes)
                {
                    throw Bad(path, $"declares more than {MaxDataBytes} bytes of data");
                }
            }
            var data = new byte[total];
            ReadFully(stream, data, path, $"data ({total} bytes declared)");
            return (dims, data);
        }
        catch (InvalidDataException ex)
        {
            throw Bad(path, $"corrupt gzip stream ({ex.Message})");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DatasetException(DatasetErrorKind.NotFound, $"{path}: file not found", ex);
        }
    }

    private static bool IsGzip(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = file.Read(magic);
        file.Position = 0;
        return n == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static void ReadFully(Stream stream, Span<byte> buffer, string path, string what)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read < buffer.Length)
        {
            throw Bad(path, $"truncated {what}: got {read} of {buffer.Length} bytes");
        }
    }

    private static DatasetException Bad(string path, string reason) =>
        new(DatasetErrorKind.BadFormat, $"{path}: {reason}");
}
