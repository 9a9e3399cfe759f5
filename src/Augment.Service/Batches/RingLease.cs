using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>A region of a shared-memory ring handed to a batch builder (<see cref="SharedMemoryRingWriter.TryLease"/>):
/// the builder writes a tensor's bytes straight into <see cref="Memory"/>, wraps them as the tensor's data and calls
/// <see cref="Complete"/>; when the batch is delivered the tensor just gets its slice, with no copy. A builder that
/// fails before completing calls <see cref="Abandon"/>.</summary>
internal sealed class RingLease
{
    private readonly SharedMemoryRingWriter _owner;

    internal RingLease(SharedMemoryRingWriter owner, long start, long end, long fileOffset, int length, Memory<byte> memory)
    {
        _owner = owner;
        Start = start;
        End = end;
        FileOffset = fileOffset;
        Length = length;
        Memory = memory;
    }

    /// <summary>The leased bytes (a view of the mapped ring).</summary>
    public Memory<byte> Memory { get; }

    /// <summary>Virtual start position in the ring's byte stream.</summary>
    internal long Start { get; }

    /// <summary>Virtual end position (64-byte aligned).</summary>
    internal long End { get; }

    /// <summary>Offset of the bytes from the start of the ring file.</summary>
    internal long FileOffset { get; }

    /// <summary>Bytes leased.</summary>
    internal int Length { get; }

    /// <summary>The tensor whose data the bytes are, once complete (guarded by the writer's lock).</summary>
    internal Tensor? Tensor { get; set; }

    /// <summary>The release position of the batch that delivered the lease; <see cref="long.MaxValue"/> while it is
    /// not delivered (guarded by the writer's lock).</summary>
    internal long Release { get; set; } = long.MaxValue;

    /// <summary>The bytes are written and are the data of <paramref name="tensor"/> (the builder no longer touches it).</summary>
    public void Complete(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        _owner.Complete(this, tensor);
    }

    /// <summary>The builder failed before <see cref="Complete"/>: the region is free again once no later one is in use.</summary>
    public void Abandon() => _owner.Abandon(this);
}
