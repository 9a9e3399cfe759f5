using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Google.Protobuf;

namespace Augment.Service.Batches;

/// <summary>Leases: regions of the ring that image builders write a batch's tensor into directly, so that its delivery
/// needs no copy (see <see cref="TryLease"/>).</summary>
internal sealed partial class SharedMemoryRingWriter
{
    /// <summary>The lowest virtual position possibly still in use: the client's <c>consumed</c> (at most the head) and
    /// the leases of batches it has not released or that are not delivered yet. Forgets the leases of released batches.
    /// Call under the lock.</summary>
    private long Low()
    {
        var consumed = Math.Min(_ring.Consumed, _head);
        _leases.RemoveAll(l => l.Release <= consumed);
        return _leases.Count == 0 ? consumed : Math.Min(consumed, _leases.Min(l => l.Start));
    }

    /// <summary>Moves a completed lease's bytes out of the ring into the heap (its tensor then is copied like any other
    /// when its batch is delivered) and forgets the lease. Call under the lock.</summary>
    private void Evict(RingLease lease)
    {
        lease.Tensor!.Data = ByteString.CopyFrom(_ring.Span(lease.FileOffset, lease.Length));
        _leases.Remove(lease);
        LeasesEvicted++;
    }

    /// <summary>A region of <paramref name="length"/> bytes at the head for a builder to write a tensor into, or null
    /// when the ring lacks room for it (and for as much again and <see cref="LeaseSlack"/>, so that a batch delivered
    /// before it, with its small tensors and record, still fits) without
    /// waiting: the builder then uses its own buffer. Thread-safe; never waits.</summary>
    public RingLease? TryLease(int length)
    {
        var aligned = SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment);
        if (length <= 0 || (2 * aligned) + LeaseSlack > _capacity)
        {
            return null;
        }
        lock (_lock)
        {
            var start = Place(_head, length);
            var end = start + aligned;
            if (end + aligned + LeaseSlack - Low() > _capacity)
            {
                return null;
            }
            _head = end;
            var offset = _ring.DataOffset + start % _capacity;
            var lease = new RingLease(this, start, end, offset, length, _ring.Memory(offset, length));
            _leases.Add(lease);
            LeasesGranted++;
            return lease;
        }
    }

    /// <summary>Leases granted so far.</summary>
    public int LeasesGranted { get; private set; }

    /// <summary>Leased tensors delivered in place (without a copy).</summary>
    public int LeasesUsed { get; private set; }

    /// <summary>Leases whose bytes had to be moved out of the ring (they stood in the way of an earlier batch).</summary>
    public int LeasesEvicted { get; private set; }

    internal void Complete(RingLease lease, Tensor tensor)
    {
        lock (_lock)
        {
            lease.Tensor = tensor;
        }
    }

    internal void Abandon(RingLease lease)
    {
        lock (_lock)
        {
            if (lease.Tensor is null)
            {
                _leases.Remove(lease);
            }
        }
    }
}
