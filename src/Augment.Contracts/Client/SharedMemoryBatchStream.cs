using System.Runtime.CompilerServices;
using Augment.Contracts.V1;
using Grpc.Core;

namespace Augment.Contracts.Client;

/// <summary>A StreamBatches call with shared memory (<see cref="AugmentStreams.StreamBatchesShared(Grpc.Net.Client.GrpcChannel, StreamBatchesRequest, long, CancellationToken)"/>):
/// maps the stream's ring when the first batch announces it and hands out <see cref="SharedMemoryBatch"/>es whose
/// tensors are views of the ring. Moving to the next batch releases the previous one; the server ends the stream once
/// the last batch is released. <see cref="Dispose"/> cancels the call (if still running) and unmaps the ring.</summary>
public sealed class SharedMemoryBatchStream : IDisposable
{
    private SharedMemoryBatch? _current;

    internal SharedMemoryBatchStream(AsyncServerStreamingCall<Batch> call) => Call = call;

    /// <summary>The underlying call (status, trailers).</summary>
    public AsyncServerStreamingCall<Batch> Call { get; }

    /// <summary>The mapped ring, once the first batch has arrived.</summary>
    public SharedMemoryMapping? Ring { get; private set; }

    /// <summary>The batches, in order. Each is valid until the next is requested (or it is disposed).</summary>
    /// <exception cref="RpcException">The call failed.</exception>
    /// <exception cref="IOException">The ring file cannot be mapped (for example it belongs to another user).</exception>
    public async IAsyncEnumerable<SharedMemoryBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            _current?.Dispose();
            _current = null;
            if (!await Call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
            var message = Call.ResponseStream.Current;
            if (message.SharedMemoryRing is { } ring)
            {
                if (ring.LayoutVersion != SharedMemoryRingLayout.Version)
                {
                    throw new InvalidDataException($"{ring.Path}: ring layout version {ring.LayoutVersion}, this client reads {SharedMemoryRingLayout.Version}");
                }
                Ring?.Dispose();
                Ring = SharedMemoryMapping.Open(ring.Path);
            }
            _current = new SharedMemoryBatch(message, Ring);
            yield return _current;
        }
    }

    /// <summary>Cancels the call if it is still running and unmaps the ring: views of its batches become invalid.</summary>
    public void Dispose()
    {
        Call.Dispose();
        Ring?.Dispose();
    }
}
