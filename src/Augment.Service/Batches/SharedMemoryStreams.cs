using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Hosting;
using Augment.Service.Images;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Augment.Service.Batches;

/// <summary>Decides whether a StreamBatches call gets a shared-memory ring and creates it: only when the request asks,
/// the server runs on Linux with shared memory enabled, and the peer is on the same host.</summary>
internal sealed class SharedMemoryStreams(IOptions<SharedMemorySettings> settings)
{
    private readonly SharedMemorySettings _settings = settings.Value;
    private long _leasesGranted;
    private long _leasesUsed;
    private long _leasesEvicted;

    /// <summary>Over the rings closed so far: image tensors built in the ring (leases granted), those delivered without
    /// a copy, and those moved out again because they stood in the way of an earlier batch.</summary>
    public (long Granted, long Used, long Evicted) LeaseCounts =>
        (Interlocked.Read(ref _leasesGranted), Interlocked.Read(ref _leasesUsed), Interlocked.Read(ref _leasesEvicted));

    /// <summary>Largest ring a request may ask for.</summary>
    public long MaxRingBytes => _settings.MaxRingBytes;

    /// <summary>The ring for <paramref name="request"/>, or null when it does not ask for shared memory.</summary>
    /// <exception cref="RpcException">UNIMPLEMENTED off Linux; FAILED_PRECONDITION when disabled or for a remote peer;
    /// INVALID_ARGUMENT for a bad <c>ring_bytes</c>; RESOURCE_EXHAUSTED when the ring cannot be allocated.</exception>
    public SharedMemoryRingWriter? Open(StreamBatchesRequest request, HttpContext peer)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(peer);
        if (request.SharedMemory is not { Enabled: true } options)
        {
            return null;
        }
        if (!OperatingSystem.IsLinux())
        {
            throw RpcErrors.WithField(StatusCode.Unimplemented,
                "shared_memory: shared-memory streams need a Linux server; stream without shared_memory");
        }
        if (!_settings.Enabled)
        {
            throw RpcErrors.WithField(StatusCode.FailedPrecondition,
                $"shared_memory: disabled on this server ({SharedMemorySettings.Section}:Enabled = false); stream without shared_memory");
        }
        if (!SharedMemoryPeer.IsLocal(peer))
        {
            throw RpcErrors.WithField(StatusCode.FailedPrecondition,
                $"shared_memory: only for clients on the server's host (a loopback address or a Unix socket), the peer is {SharedMemoryPeer.Describe(peer)}; " +
                "stream without shared_memory");
        }
        if (options.RingBytes < 0 || options.RingBytes > _settings.MaxRingBytes)
        {
            throw RpcErrors.Invalid(
                $"shared_memory.ring_bytes: {options.RingBytes} is outside [0, {_settings.MaxRingBytes}] ({SharedMemorySettings.Section}:MaxRingBytes; 0: the default)");
        }
        var capacity = SharedMemoryRingLayout.AlignUp(options.RingBytes == 0 ? _settings.DefaultRingBytes : options.RingBytes, 4096);
        try
        {
            return SharedMemoryRingWriter.Create(_settings.Directory, capacity, options.BatchesInRing, Count);
        }
        catch (DirectoryNotFoundException)
        {
            throw RpcErrors.WithField(StatusCode.FailedPrecondition,
                $"shared_memory: the ring folder {_settings.Directory} does not exist ({SharedMemorySettings.Section}:Directory)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw RpcErrors.WithField(StatusCode.ResourceExhausted,
                $"shared_memory.ring_bytes: cannot create a ring of {capacity} bytes in {_settings.Directory}: {ex.Message.TrimEnd('.')}; " +
                "lower shared_memory.ring_bytes or give the folder more room");
        }
    }

    private void Count(SharedMemoryRingWriter ring)
    {
        Interlocked.Add(ref _leasesGranted, ring.LeasesGranted);
        Interlocked.Add(ref _leasesUsed, ring.LeasesUsed);
        Interlocked.Add(ref _leasesEvicted, ring.LeasesEvicted);
    }
}
