using Augment.Contracts.V1;

namespace Augment.Contracts.Client;

/// <summary>One batch of a shared-memory stream (<see cref="SharedMemoryBatchStream"/>): the message, and its tensors'
/// bytes as views of the ring, valid until the batch is released. <see cref="Dispose"/> releases it (and every earlier
/// batch of the stream); the stream also releases it when the caller moves to the next batch.</summary>
public sealed class SharedMemoryBatch : IDisposable
{
    private readonly SharedMemoryMapping? _ring;

    internal SharedMemoryBatch(Batch message, SharedMemoryMapping? ring, bool fromRing = false)
    {
        Message = message;
        _ring = ring;
        FromRing = fromRing;
    }

    /// <summary>Whether the batch came as a record in the ring (announced on the doorbell) rather than as a message on the
    /// call.</summary>
    public bool FromRing { get; }

    /// <summary>The batch message; tensors whose bytes are in the ring have <c>SharedMemory</c> set and empty <c>Data</c>.</summary>
    public Batch Message { get; }

    /// <summary>Whether the batch was released (its views must not be used any more).</summary>
    public bool Released { get; private set; }

    /// <summary>The bytes of the image tensor (<c>Message.Image.Images</c>).</summary>
    public ReadOnlyMemory<byte> Images => Data(Message.Image.Images);

    /// <summary>The bytes of <paramref name="tensor"/> (a tensor of <see cref="Message"/>): a view of the ring, or the
    /// message's own bytes for tensors sent inline. Valid until the batch is released; copy what must outlive it.</summary>
    /// <exception cref="ObjectDisposedException">The batch was released.</exception>
    public ReadOnlyMemory<byte> Data(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ObjectDisposedException.ThrowIf(Released, this);
        if (tensor.SharedMemory is not { } slice)
        {
            return tensor.Data.Memory;
        }
        if (_ring is null)
        {
            throw new InvalidOperationException("the stream sent a shared-memory tensor before announcing its ring");
        }
        return _ring.Memory(slice.Offset, checked((int)slice.Length));
    }

    /// <summary>The bytes of <paramref name="tensor"/> as a span (see <see cref="Data"/>).</summary>
    public ReadOnlySpan<byte> Span(Tensor tensor) => Data(tensor).Span;

    /// <summary>A copy of the batch that owns its bytes, as a stream without shared memory delivers it (every tensor's
    /// bytes in <c>Data</c>, no shared-memory fields): for callers that keep batches past their release.</summary>
    public Batch Copy()
    {
        var copy = Message.Clone();
        copy.SharedMemoryRing = null;
        copy.SharedMemoryRelease = 0;
        foreach (var tensor in SharedMemoryRingLayout.Tensors(copy))
        {
            if (tensor.SharedMemory is not null)
            {
                tensor.Data = Google.Protobuf.ByteString.CopyFrom(Span(tensor));
                tensor.SharedMemory = null;
            }
        }
        return copy;
    }

    /// <summary>Releases the batch: the server may overwrite its bytes (and those of every earlier batch).</summary>
    public void Dispose()
    {
        if (Released)
        {
            return;
        }
        Released = true;
        _ring?.Release(Message.SharedMemoryRelease);
    }
}
