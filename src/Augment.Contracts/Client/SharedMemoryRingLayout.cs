using System.Buffers.Binary;
using Augment.Contracts.V1;

namespace Augment.Contracts.Client;

/// <summary>Layout (version 1) of the shared-memory ring file of a StreamBatches call with
/// <c>shared_memory.enabled</c> (see <c>augment.v1.SharedMemoryRing</c>). All integers are little-endian.</summary>
public static class SharedMemoryRingLayout
{
    /// <summary>"AUGRING1" read as a little-endian 64-bit integer, at offset 0.</summary>
    public static readonly ulong Magic = BinaryPrimitives.ReadUInt64LittleEndian("AUGRING1"u8);

    /// <summary>The layout version this code reads and writes.</summary>
    public const uint Version = 1;

    /// <summary>Offset of the layout version (uint32).</summary>
    public const int VersionOffset = 8;

    /// <summary>Offset of the data area's start (uint32).</summary>
    public const int DataOffsetOffset = 12;

    /// <summary>Offset of the data area's size in bytes (uint64).</summary>
    public const int CapacityOffset = 16;

    /// <summary>Offset of the client's <c>consumed</c> counter (uint64, its own cache line; only the client writes it).</summary>
    public const int ConsumedOffset = 64;

    /// <summary>Bytes before the data area (one page).</summary>
    public const int HeaderBytes = 4096;

    /// <summary>Every tensor starts at a multiple of this many bytes of the file (any dtype is aligned).</summary>
    public const int Alignment = 64;

    /// <summary><paramref name="value"/> rounded up to a multiple of <paramref name="multiple"/> (a power of two).</summary>
    public static long AlignUp(long value, long multiple) => (value + multiple - 1) & ~(multiple - 1);

    /// <summary>The tensors of <paramref name="batch"/> that may travel through the ring: the per-sample vectors
    /// (indices, labels, keys) and the images. Boxes, text and tabular payloads always travel in the message.</summary>
    public static IEnumerable<Tensor> Tensors(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor?[] all = [batch.Indices, batch.Labels, batch.Keys, batch.Image?.Images];
        return all.OfType<Tensor>();
    }
}
