using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Checkpoints;

/// <summary>Reads and writes the safetensors format (8-byte little-endian header length, JSON header of
/// dtype/shape/data_offsets, raw little-endian tensor bytes). Every malformed file fails with its path and reason.</summary>
internal static class SafetensorsFile
{
    private const long MaxHeaderBytes = 100L << 20;

    /// <summary>Reads every tensor (as stored: float tensors keep their dtype).</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
        {
            throw new InvalidDataException($"{path}: too short to be a safetensors file");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > (ulong)Math.Min(MaxHeaderBytes, stream.Length - 8))
        {
            throw new InvalidDataException($"{path}: header length {headerLength} exceeds the file; not a safetensors file");
        }

        var header = new byte[headerLength];
        stream.ReadExactly(header);
        JsonObject index;
        try
        {
            index = JsonNode.Parse(header) as JsonObject ?? throw new InvalidDataException($"{path}: header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: header is not valid JSON: {e.Message}", e);
        }

        var dataStart = 8 + (long)headerLength;
        var dataLength = stream.Length - dataStart;
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, node) in index)
        {
            if (name == "__metadata__")
            {
                continue;
            }

            if (node is not JsonObject entry
                || entry["dtype"] is not JsonValue dtypeNode
                || entry["shape"] is not JsonArray shapeNode
                || entry["data_offsets"] is not JsonArray offsetsNode
                || offsetsNode.Count != 2)
            {
                throw new InvalidDataException($"{path}: tensor '{name}' has a malformed header entry");
            }

            var (dtype, size) = Parse(dtypeNode.GetValue<string>(), path, name);
            var shape = shapeNode.Select(s => s!.GetValue<long>()).ToArray();
            var begin = offsetsNode[0]!.GetValue<long>();
            var end = offsetsNode[1]!.GetValue<long>();
            var count = shape.Aggregate(1L, (a, b) => a * b);
            if (begin < 0 || end > dataLength || end - begin != count * size)
            {
                throw new InvalidDataException(
                    $"{path}: tensor '{name}' data_offsets [{begin}, {end}] do not fit its shape [{string.Join(", ", shape)}] or the file");
            }

            var bytes = new byte[end - begin];
            stream.Position = dataStart + begin;
            stream.ReadExactly(bytes);
            var tensor = empty(shape, dtype);
            tensor.bytes = bytes;
            result[name] = tensor;
        }

        return result;
    }

    /// <summary>Writes <paramref name="tensors"/> (contiguous CPU tensors) in name order, via a temporary file.</summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> tensors)
    {
        var header = new JsonObject();
        long offset = 0;
        var ordered = tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, t) in ordered)
        {
            var length = t.NumberOfElements * t.ElementSize;
            header[name] = new JsonObject
            {
                ["dtype"] = Name(t.dtype),
                ["shape"] = new JsonArray(t.shape.Select(s => (JsonNode)s).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + length),
            };
            offset += length;
        }

        var json = System.Text.Encoding.UTF8.GetBytes(header.ToJsonString());
        var padded = (json.Length + 7) / 8 * 8;
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        {
            Span<byte> lengthBytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(lengthBytes, (ulong)padded);
            stream.Write(lengthBytes);
            stream.Write(json);
            for (var i = json.Length; i < padded; i++)
            {
                stream.WriteByte((byte)' ');
            }

            foreach (var (_, t) in ordered)
            {
                using var c = t.detach().cpu().contiguous();
                stream.Write(c.bytes);
            }
        }

        File.Move(temp, path, overwrite: true);
    }

    private static (ScalarType Type, long Size) Parse(string dtype, string path, string name) => dtype switch
    {
        "F32" => (ScalarType.Float32, 4),
        "F64" => (ScalarType.Float64, 8),
        "F16" => (ScalarType.Float16, 2),
        "BF16" => (ScalarType.BFloat16, 2),
        "I64" => (ScalarType.Int64, 8),
        "I32" => (ScalarType.Int32, 4),
        "I16" => (ScalarType.Int16, 2),
        "I8" => (ScalarType.Int8, 1),
        "U8" => (ScalarType.Byte, 1),
        "BOOL" => (ScalarType.Bool, 1),
        _ => throw new InvalidDataException($"{path}: tensor '{name}' has unsupported dtype {dtype}"),
    };

    private static string Name(ScalarType type) => type switch
    {
        ScalarType.Float32 => "F32",
        ScalarType.Float64 => "F64",
        ScalarType.Float16 => "F16",
        ScalarType.BFloat16 => "BF16",
        ScalarType.Int64 => "I64",
        ScalarType.Int32 => "I32",
        _ => throw new NotSupportedException($"cannot write dtype {type} to safetensors"),
    };
}
