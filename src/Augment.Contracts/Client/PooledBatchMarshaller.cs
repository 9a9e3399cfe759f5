using System.Buffers;
using System.Runtime.CompilerServices;
using Augment.Contracts.V1;
using Grpc.Core;

namespace Augment.Contracts.Client;

/// <summary>A <see cref="BatchMarshaller"/> whose large tensors (at least <see cref="MinPooledBytes"/>) are copied into
/// arrays rented from an <see cref="ArrayPool{T}"/>; give them back with <see cref="Return"/> once a batch has been used
/// (copied into a training tensor, say). A fresh multi-megabyte array per batch is a large-object-heap allocation whose
/// pages the kernel faults in and zeroes again and again; reusing the arrays saves that work. Batches that are not
/// returned are simply collected. One instance may serve many calls on any threads.</summary>
public sealed class PooledBatchMarshaller
{
    private readonly ArrayPool<byte> _pool;
    private readonly ConditionalWeakTable<Tensor, byte[]> _rented = [];

    /// <summary>Rents from <paramref name="pool"/> (default: <see cref="ArrayPool{T}.Shared"/>).</summary>
    public PooledBatchMarshaller(ArrayPool<byte>? pool = null, int minPooledBytes = 256 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minPooledBytes);
        _pool = pool ?? ArrayPool<byte>.Shared;
        MinPooledBytes = minPooledBytes;
        Marshaller = new Marshaller<Batch>(BatchMarshaller.Instance.ContextualSerializer, Deserialize);
        StreamBatchesMethod = AugmentStreams.CreateMethod(Marshaller);
    }

    /// <summary>Tensors smaller than this are ordinary arrays.</summary>
    public int MinPooledBytes { get; }

    /// <summary>The marshaller.</summary>
    public Marshaller<Batch> Marshaller { get; }

    internal Method<StreamBatchesRequest, Batch> StreamBatchesMethod { get; }

    /// <summary>Parses one serialised batch with pooled tensor arrays.</summary>
    /// <exception cref="Google.Protobuf.InvalidProtocolBufferException">The bytes are not a valid Batch.</exception>
    public Batch Parse(ReadOnlySequence<byte> payload) =>
        (payload.IsSingleSegment ? BatchWire.TryParse(payload.FirstSpan, this) : null) ?? Batch.Parser.ParseFrom(payload);

    /// <summary>Gives the pooled arrays of <paramref name="batch"/>'s tensors back to the pool. The batch's tensor data must
    /// not be used afterwards (the arrays are reused for later batches). Returning a batch twice, or one that this
    /// instance did not parse, does nothing.</summary>
    public void Return(Batch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ReturnTensor(batch.Indices);
        ReturnTensor(batch.Labels);
        ReturnTensor(batch.Keys);
        switch (batch.PayloadCase)
        {
            case Batch.PayloadOneofCase.Image:
                ReturnTensor(batch.Image.Images);
                break;
            case Batch.PayloadOneofCase.Tabular:
                ReturnTensor(batch.Tabular.Features);
                ReturnTensor(batch.Tabular.Synthetic);
                break;
        }
    }

    /// <summary>A copy of <paramref name="source"/> for <paramref name="owner"/>'s data.</summary>
    internal ReadOnlyMemory<byte> Copy(Tensor owner, ReadOnlySpan<byte> source)
    {
        if (source.Length < MinPooledBytes)
        {
            var exact = GC.AllocateUninitializedArray<byte>(source.Length);
            source.CopyTo(exact);
            return exact;
        }
        var rented = _pool.Rent(source.Length);
        source.CopyTo(rented);
        _rented.AddOrUpdate(owner, rented);
        return rented.AsMemory(0, source.Length);
    }

    private void ReturnTensor(Tensor? tensor)
    {
        if (tensor is not null && _rented.TryGetValue(tensor, out var array) && _rented.Remove(tensor))
        {
            _pool.Return(array);
        }
    }

    private Batch Deserialize(DeserializationContext context) => Parse(context.PayloadAsReadOnlySequence());
}
