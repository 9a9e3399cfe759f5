using System.Buffers;
using System.Runtime.CompilerServices;
using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>Reuses the large tensor buffers of batches once they are on the wire. A fresh multi-megabyte array per batch
/// lands on the large-object heap, and the pages the collector hands back to the OS fault in again (zeroed by the
/// kernel) on every first write: a tenth of the CPU of a cached stream went to page faults. Builders rent a batch's
/// data buffer here and <see cref="Track"/> it; the gRPC writer calls <see cref="Release"/> once the batch is serialised
/// into the response. A batch that is never released (in-process consumers keep theirs) is simply collected.</summary>
internal sealed class BatchBufferPool
{
    /// <summary>Buffers below this size come from the ordinary heap (gen-0 allocations cost nothing to fault in).</summary>
    public const int MinPooledBytes = 256 * 1024;

    private readonly ArrayPool<byte> _pool;
    private readonly ConditionalWeakTable<Batch, byte[]> _rented = [];

    /// <summary>A pool over <see cref="ArrayPool{T}.Shared"/>.</summary>
    public BatchBufferPool() : this(ArrayPool<byte>.Shared) { }

    /// <summary>A pool over <paramref name="pool"/>.</summary>
    public BatchBufferPool(ArrayPool<byte> pool) => _pool = pool;

    /// <summary>A buffer of at least <paramref name="size"/> bytes, not zeroed. Wrap only its first <paramref name="size"/> bytes.</summary>
    public byte[] Rent(int size) =>
        size >= MinPooledBytes ? _pool.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    /// <summary>Records that <paramref name="batch"/> holds <paramref name="buffer"/> (from <see cref="Rent"/>).</summary>
    public void Track(Batch batch, byte[] buffer)
    {
        if (buffer.Length >= MinPooledBytes)
        {
            _rented.AddOrUpdate(batch, buffer);
        }
    }

    /// <summary>Returns <paramref name="batch"/>'s buffer to the pool: the batch must not be used afterwards.</summary>
    public void Release(Batch batch)
    {
        if (_rented.TryGetValue(batch, out var buffer) && _rented.Remove(batch))
        {
            _pool.Return(buffer);
        }
    }
}
