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
/// <c>consumed</c> counter leaves room: that is the backpressure. Disposing it unmaps and deletes the ring file.</summary>
internal sealed class SharedMemoryRingWriter : IDisposable
{
    /// <summary>File names start with this, then the server's process id.</summary>
    public const string FilePrefix = "augment-ring-";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(1);

    private readonly SharedMemoryMapping _ring;
    private readonly long _capacity;
    private long _head;
    private bool _announced;

    private SharedMemoryRingWriter(SharedMemoryMapping ring)
    {
        _ring = ring;
        _capacity = ring.Capacity;
    }

    /// <summary>The ring file.</summary>
    public string Path => _ring.Path;

    /// <summary>Bytes of the ring's data area.</summary>
    public long Capacity => _capacity;

    /// <summary>Creates a ring of <paramref name="capacity"/> data bytes (a multiple of 4096) under a random name in
    /// <paramref name="directory"/>, mode 0600.</summary>
    public static SharedMemoryRingWriter Create(string directory, long capacity)
    {
        var name = $"{FilePrefix}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";
        return new SharedMemoryRingWriter(SharedMemoryMapping.Create(System.IO.Path.Combine(directory, name), capacity));
    }

    /// <summary>Moves <paramref name="batch"/>'s tensors into the ring, waiting for room, and sets its release position
    /// (and the ring's description on the first batch).</summary>
    /// <exception cref="RpcException">INVALID_ARGUMENT naming <c>shared_memory.ring_bytes</c> when the batch cannot fit.</exception>
    public async Task PlaceAsync(Batch batch, long maxRingBytes, CancellationToken cancellationToken)
    {
        var tensors = SharedMemoryRingLayout.Tensors(batch).Where(t => !t.Data.IsEmpty).ToArray();
        var total = tensors.Sum(t => SharedMemoryRingLayout.AlignUp(t.Data.Length, SharedMemoryRingLayout.Alignment));
        if (total > _capacity)
        {
            throw RpcErrors.Invalid(
                $"shared_memory.ring_bytes: batch {batch.BatchIndex} of epoch {batch.Epoch} needs {total} bytes of ring, the ring holds {_capacity}; " +
                $"raise shared_memory.ring_bytes (at most {maxRingBytes}, Augment:SharedMemory:MaxRingBytes) or lower batch_size");
        }
        if (End(_head, tensors) - _head > _capacity)
        {
            // Placed from here, the tensors skipped to the start would need more than the ring: start the batch there.
            _head += _capacity - _head % _capacity;
        }
        foreach (var tensor in tensors)
        {
            var length = tensor.Data.Length;
            var start = Place(_head, length);
            var end = start + SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment);
            await WaitAsync(end, cancellationToken).ConfigureAwait(false);
            var offset = _ring.DataOffset + start % _capacity;
            tensor.Data.Span.CopyTo(_ring.Span(offset, length));
            tensor.Data = ByteString.Empty;
            tensor.SharedMemory = new SharedMemorySlice { Offset = offset, Length = length };
            _head = end;
        }
        batch.SharedMemoryRelease = _head;
        if (!_announced)
        {
            _announced = true;
            batch.SharedMemoryRing = new SharedMemoryRing
            {
                Path = _ring.Path,
                FileBytes = _ring.FileBytes,
                LayoutVersion = SharedMemoryRingLayout.Version,
                DataOffset = _ring.DataOffset,
                Capacity = _capacity,
            };
        }
    }

    /// <summary>Waits until the client has released every batch (the stream's last step, so that the file outlives
    /// the client's reads).</summary>
    public Task DrainAsync(CancellationToken cancellationToken) => WaitAsync(_head + _capacity, cancellationToken);

    /// <summary>Unmaps and deletes the ring file.</summary>
    public void Dispose()
    {
        _ring.Dispose();
        try
        {
            File.Delete(_ring.Path);
        }
        catch (IOException)
        {
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

    private long End(long head, IEnumerable<Tensor> tensors)
    {
        foreach (var tensor in tensors)
        {
            head = Place(head, tensor.Data.Length) + SharedMemoryRingLayout.AlignUp(tensor.Data.Length, SharedMemoryRingLayout.Alignment);
        }
        return head;
    }

    /// <summary>Where a tensor of <paramref name="length"/> bytes starts when the ring's head is at <paramref name="head"/>.</summary>
    private long Place(long head, int length)
    {
        var physical = head % _capacity;
        return physical + SharedMemoryRingLayout.AlignUp(length, SharedMemoryRingLayout.Alignment) > _capacity ? head + _capacity - physical : head;
    }

    /// <summary>Waits until the ring may hold bytes up to the virtual position <paramref name="end"/>.</summary>
    private async Task WaitAsync(long end, CancellationToken cancellationToken)
    {
        while (end - Math.Min(_ring.Consumed, _head) > _capacity)
        {
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
