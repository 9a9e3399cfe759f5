using System.Security.Cryptography;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Images;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Batches;

/// <summary>The producer side of one stream's shared-memory ring: copies each batch's tensors into the ring (a tensor
/// never wraps around the end: it starts over at the beginning when it does not fit) and points the tensors at their
/// slices instead of carrying the bytes. Before writing it waits, in short cancellable sleeps, until the client's
/// <c>consumed</c> counter leaves room: that is the backpressure. With a doorbell (<c>batches_in_ring</c>) every batch
/// after the first is also written into the ring as a record (its serialized message) and announced by a notice on the
/// doorbell FIFO, with at most <see cref="MaxUnreleasedBatches"/> batches unreleased. Disposing it closes the doorbell,
/// unmaps and deletes the ring file and the FIFO.</summary>
internal sealed partial class SharedMemoryRingWriter : IDisposable
{
    /// <summary>File names start with this, then the server's process id.</summary>
    public const string FilePrefix = "augment-ring-";

    /// <summary>Most batches delivered through the ring that the client may hold unreleased: 1024 notices of 16 bytes
    /// are 16 KiB, so the doorbell's pipe (64 KiB by default) never fills.</summary>
    public const int MaxUnreleasedBatches = 1024;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly SharedMemoryMapping _ring;
    private readonly long _capacity;
    private readonly Queue<long> _unreleased = new();
    private readonly SharedMemoryDoorbell? _doorbell;
    private readonly Lock _lock = new();
    private readonly List<RingLease> _leases = [];
    private long _head;
    private long _delivered;
    private bool _announced;
    private (long Offset, int Length) _record;

    private readonly Action<SharedMemoryRingWriter>? _closed;

    private SharedMemoryRingWriter(SharedMemoryMapping ring, SharedMemoryDoorbell? doorbell, Action<SharedMemoryRingWriter>? closed)
    {
        _closed = closed;
        _ring = ring;
        _capacity = ring.Capacity;
        _doorbell = doorbell;
        DoorbellPath = doorbell?.Path;
    }

    /// <summary>The doorbell FIFO when batches go through the ring, else null.</summary>
    public string? DoorbellPath { get; }

    /// <summary>The ring file.</summary>
    public string Path => _ring.Path;

    /// <summary>Bytes of the ring's data area.</summary>
    public long Capacity => _capacity;

    /// <summary>Room a lease leaves free beyond the size of one more such tensor (for small tensors and records): 64 KiB,
    /// or a sixteenth of a smaller ring.</summary>
    public long LeaseSlack => Math.Min(64 * 1024, _capacity / 16);

    /// <summary>Creates a ring of <paramref name="capacity"/> data bytes (a multiple of 4096) under a random name in
    /// <paramref name="directory"/>, mode 0600; with <paramref name="batchesInRing"/> also its doorbell FIFO (the ring's
    /// path + <see cref="SharedMemoryDoorbell.Suffix"/>, mode 0600). <paramref name="closed"/> sees the writer when it is
    /// disposed (its lease counts).</summary>
    public static SharedMemoryRingWriter Create(string directory, long capacity, bool batchesInRing = false, Action<SharedMemoryRingWriter>? closed = null)
    {
        var name = $"{FilePrefix}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        var ring = SharedMemoryMapping.Create(System.IO.Path.Combine(directory, name), capacity);
        try
        {
            return new SharedMemoryRingWriter(ring, batchesInRing ? SharedMemoryDoorbell.Create(ring.Path + SharedMemoryDoorbell.Suffix) : null, closed);
        }
        catch
        {
            ring.Dispose();
            File.Delete(ring.Path);
            throw;
        }
    }

    /// <summary>Places <paramref name="batch"/> (<see cref="PlaceAsync"/>) and, when batches go through the ring and this
    /// is not the first batch, writes it into the ring as a record and rings the doorbell. True when the batch was
    /// delivered that way; false when it must be sent on the call (its tensors are in the ring by then).</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT naming <c>shared_memory.ring_bytes</c> when the batch cannot fit.</exception>
    public async Task<bool> DeliverAsync(Batch batch, long maxRingBytes, CancellationToken cancellationToken)
    {
        if (_doorbell is null || !_announced)
        {
            await PlaceAsync(batch, maxRingBytes, cancellationToken).ConfigureAwait(false);
            if (_doorbell is not null)
            {
                _unreleased.Enqueue(batch.SharedMemoryRelease);
            }
            return false;
        }
        // Never more than MaxUnreleasedBatches notices the client has not released: they always fit in the pipe.
        await WaitUnreleasedAsync(MaxUnreleasedBatches - 1, cancellationToken).ConfigureAwait(false);
        await PlaceCoreAsync(batch, maxRingBytes, cancellationToken, record: true).ConfigureAwait(false);
        var (offset, length) = _record;
        var recordSpan = _ring.Span(offset, length);
        batch.WriteTo(recordSpan);
        _unreleased.Enqueue(batch.SharedMemoryRelease);
        Notify(offset, length);
        return true;
    }

    /// <summary>Moves <paramref name="batch"/>'s tensors into the ring, waiting for room, and sets its release position
    /// (and the ring's description on the first batch).</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT naming <c>shared_memory.ring_bytes</c> when the batch cannot fit.</exception>
    public Task PlaceAsync(Batch batch, long maxRingBytes, CancellationToken cancellationToken) =>
        PlaceCoreAsync(batch, maxRingBytes, cancellationToken, record: false);

    /// <summary>With <paramref name="record"/>, also reserves room after the tensors for the batch's serialized message
    /// (<see cref="_record"/>: its file offset and length), which the release position then covers. Tensors built in a
    /// lease of this ring just get their slice; the others are copied.</summary>
    private async Task PlaceCoreAsync(Batch batch, long maxRingBytes, CancellationToken cancellationToken, bool record)
    {
        var tensors = SharedMemoryRingLayout.Tensors(batch).Where(t => !t.Data.IsEmpty).ToArray();
        var total = tensors.Sum(t => SharedMemoryRingLayout.AlignUp(t.Data.Length, SharedMemoryRingLayout.Alignment));
        // With a record, room for the batch's message too (its size is known once the tensors point into the ring).
        var recordBound = record ? RecordBound(batch, tensors) : 0;
        total += SharedMemoryRingLayout.AlignUp(recordBound, SharedMemoryRingLayout.Alignment);
        if (total > _capacity)
        {
            throw RpcErrors.Invalid(
                $"shared_memory.ring_bytes: batch {batch.BatchIndex} of epoch {batch.Epoch} needs {total} bytes of ring, the ring holds {_capacity}; " +
                $"raise shared_memory.ring_bytes (at most {maxRingBytes}, Augment:SharedMemory:MaxRingBytes) or lower batch_size");
        }
        (ReadOnlyMemory<byte> Data, long Offset)[] copies;
        long release, delivered;
        lock (_lock)
        {
            delivered = _delivered;
            var own = _leases.Where(l => l.Release == long.MaxValue && l.Tensor is { } leased && tensors.Any(t => ReferenceEquals(t, leased))).ToList();
            var moving = tensors.Where(t => !own.Any(l => ReferenceEquals(l.Tensor, t))).ToList();
            var need = moving.Sum(t => SharedMemoryRingLayout.AlignUp(t.Data.Length, SharedMemoryRingLayout.Alignment))
                + SharedMemoryRingLayout.AlignUp(recordBound, SharedMemoryRingLayout.Alignment);
            // The batch's own leases must stay clear of what it places now (at most 2 * need from the head, skips
            // included), and a batch must place something so that its release position moves past the previous one's.
            if (own.Count > 0 && ((moving.Count == 0 && !record) || _head + (2 * need) - own.Min(l => l.Start) > _capacity))
            {
                own.ForEach(Evict);
                own.Clear();
                moving = [.. tensors];
            }
            if (End(_head, moving.Select(t => (long)t.Data.Length).Append(recordBound)) - _head > _capacity)
            {
                // Placed from here, the pieces skipped to the start would need more than the ring: start the batch there.
                _head += _capacity - _head % _capacity;
            }
            copies = new (ReadOnlyMemory<byte>, long)[moving.Count];
            for (var i = 0; i < moving.Count; i++)
            {
                var tensor = moving[i];
                var length = tensor.Data.Length;
                var start = Place(_head, length);
                var offset = _ring.DataOffset + start % _capacity;
                copies[i] = (tensor.Data.Memory, offset);
                tensor.Data = ByteString.Empty;
                tensor.SharedMemory = new SharedMemorySlice { Offset = offset, Length = length };
                _head = start + SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment);
            }
            foreach (var lease in own)
            {
                lease.Tensor!.Data = ByteString.Empty;
                lease.Tensor.SharedMemory = new SharedMemorySlice { Offset = lease.FileOffset, Length = lease.Length };
                LeasesUsed++;
            }
            Announce(batch);
            if (record)
            {
                PlaceRecord(batch);
            }
            release = _head;
            batch.SharedMemoryRelease = release;
            // The batch's leases stay protected until the client releases the batch.
            own.ForEach(l => l.Release = release);
            _delivered = release;
        }
        await WaitAsync(release, delivered, cancellationToken).ConfigureAwait(false);
        foreach (var (data, offset) in copies)
        {
            data.Span.CopyTo(_ring.Span(offset, data.Length));
        }
    }

    private void Announce(Batch batch)
    {
        if (_announced)
        {
            return;
        }
        _announced = true;
        batch.SharedMemoryRing = new SharedMemoryRing
        {
            Path = _ring.Path,
            FileBytes = _ring.FileBytes,
            LayoutVersion = SharedMemoryRingLayout.Version,
            DataOffset = _ring.DataOffset,
            Capacity = _capacity,
            DoorbellPath = DoorbellPath ?? "",
        };
    }

    /// <summary>Places the batch's record at the head. The release position is in the record and is the record's end:
    /// the least fixed point of size -> end (the size grows with the varint of the position, which grows with the size).</summary>
    private void PlaceRecord(Batch batch)
    {
        long release = 0, recordStart;
        int size;
        while (true)
        {
            batch.SharedMemoryRelease = release;
            size = batch.CalculateSize();
            recordStart = Place(_head, size);
            var end = recordStart + SharedMemoryRingLayout.AlignUp(size, SharedMemoryRingLayout.Alignment);
            if (end == release)
            {
                break;
            }
            release = end;
        }
        _record = (_ring.DataOffset + recordStart % _capacity, size);
        _head = release;
    }

    /// <summary>An upper bound of <paramref name="batch"/>'s serialized size once its tensors <paramref name="moving"/>
    /// point into the ring and it carries its release position: each tensor's bytes field (tag, length, data) becomes a
    /// slice of at most 24 bytes (tag, length, two varints of at most 10 bytes with their tags), and the release field
    /// takes at most 11.</summary>
    private static int RecordBound(Batch batch, Tensor[] moving)
    {
        var freed = moving.Sum(t => 1L + CodedOutputStream.ComputeLengthSize(t.Data.Length) + t.Data.Length);
        return checked((int)(batch.CalculateSize() - freed + (moving.Length * 24L) + 11));
    }

    /// <summary>Waits until the client has released every batch (the stream's last step, so that the file outlives
    /// the client's reads).</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        long delivered;
        lock (_lock)
        {
            delivered = _delivered;
        }
        while (_ring.Consumed < delivered)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the doorbell, unmaps and deletes the ring file and the doorbell FIFO.</summary>
    public void Dispose()
    {
        _closed?.Invoke(this);
        StopNotices();
        _doorbell?.Dispose();
        _ring.Dispose();
        foreach (var path in DoorbellPath is null ? [_ring.Path] : new[] { _ring.Path, DoorbellPath })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Deletes ring files in <paramref name="directory"/> left by server processes that no longer run.</summary>
    public static void RemoveStale(string directory)
    {
        if (!OperatingSystem.IsLinux() || !System.IO.Directory.Exists(directory))
        {
            return;
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, FilePrefix + "*"))
        {
            var rest = System.IO.Path.GetFileName(file)[FilePrefix.Length..];
            var dash = rest.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(rest[..dash], System.Globalization.CultureInfo.InvariantCulture, out var pid)
                && pid != Environment.ProcessId && !System.IO.Directory.Exists($"/proc/{pid}"))
            {
                try
                {
                    File.Delete(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
    }

    private long End(long head, IEnumerable<long> lengths)
    {
        foreach (var length in lengths.Where(l => l > 0))
        {
            head = Place(head, length) + SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment);
        }
        return head;
    }

    /// <summary>Where a tensor of <paramref name="length"/> bytes starts when the ring's head is at <paramref name="head"/>.</summary>
    private long Place(long head, long length)
    {
        var physical = head % _capacity;
        return physical + SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment) > _capacity ? head + _capacity - physical : head;
    }

    /// <summary>Waits until the ring may hold bytes up to the virtual position <paramref name="end"/> (for a batch placed
    /// after the batches delivered up to <paramref name="delivered"/>): until no byte the client holds lies within a ring's
    /// length before <paramref name="end"/> (the batches it has not released, including leases delivered in them). Leases
    /// of batches not yet delivered that stand in the way are evicted (their bytes copied out of the ring) once their
    /// builder is done: the delivery never waits for a batch that can only come after it. Once the client has released
    /// everything delivered, what lies between that and the batch is only such leases and skipped ends of the ring.</summary>
    private async Task WaitAsync(long end, long delivered, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                var consumed = Math.Min(_ring.Consumed, _head);
                _leases.RemoveAll(l => l.Release <= consumed);
                var held = consumed < delivered ? consumed : long.MaxValue;
                foreach (var lease in _leases.Where(l => l.Release != long.MaxValue))
                {
                    held = Math.Min(held, lease.Start);
                }
                if (end - _capacity <= held)
                {
                    var building = false;
                    foreach (var lease in _leases.Where(l => l.Release == long.MaxValue && end - l.Start > _capacity).ToList())
                    {
                        if (lease.Tensor is null)
                        {
                            building = true;
                        }
                        else
                        {
                            Evict(lease);
                        }
                    }
                    if (!building)
                    {
                        return;
                    }
                }
            }
            SendGathered(); // the client can only make room for batches it has been told about
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until at most <paramref name="count"/> delivered batches are unreleased.</summary>
    private async Task WaitUnreleasedAsync(int count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var consumed = _ring.Consumed;
            while (_unreleased.TryPeek(out var release) && release <= consumed)
            {
                _unreleased.Dequeue();
            }
            if (_unreleased.Count <= count)
            {
                return;
            }
            SendGathered();
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
