using System.Runtime.CompilerServices;
using Augment.Contracts.V1;
using Grpc.Core;

namespace Augment.Contracts.Client;

/// <summary>A StreamBatches call with shared memory (<see cref="AugmentStreams.StreamBatchesShared(Grpc.Net.Client.GrpcChannel, StreamBatchesRequest, long, bool, CancellationToken)"/>):
/// maps the stream's ring when the first batch announces it and hands out <see cref="SharedMemoryBatch"/>es whose
/// tensors are views of the ring. When the first batch also announces a doorbell (<c>batches_in_ring</c>), every later
/// batch is read from its record in the ring, announced by a notice on the doorbell, and the call is read again only
/// for its status once the doorbell ends. Moving to the next batch releases the previous one; the server ends the
/// stream once the last batch is released. <see cref="Dispose"/> cancels the call (if still running) and unmaps the
/// ring.</summary>
public sealed class SharedMemoryBatchStream : IDisposable
{
    private SharedMemoryBatch? _current;
    private bool _ringEnded;

    internal SharedMemoryBatchStream(AsyncServerStreamingCall<Batch> call) => Call = call;

    /// <summary>The underlying call (status, trailers).</summary>
    public AsyncServerStreamingCall<Batch> Call { get; }

    /// <summary>The mapped ring, once the first batch has arrived.</summary>
    public SharedMemoryMapping? Ring { get; private set; }

    /// <summary>The open doorbell, while batches come through the ring.</summary>
    public SharedMemoryDoorbell? Doorbell { get; private set; }

    /// <summary>The batches, in order. Each is valid until the next is requested (or it is disposed).</summary>
    /// <exception cref="RpcException">The call failed.</exception>
    /// <exception cref="IOException">The ring file cannot be mapped (for example it belongs to another user).</exception>
    /// <exception cref="InvalidDataException">The server broke the protocol (a bad ring, notice or record).</exception>
    public async IAsyncEnumerable<SharedMemoryBatch> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            _current?.Dispose();
            _current = null;
            var fromRing = Doorbell is not null;
            var message = fromRing
                ? await ReadRecordAsync(cancellationToken).ConfigureAwait(false)
                : await ReadCallAsync(cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                yield break;
            }
            _current = new SharedMemoryBatch(message, Ring, fromRing);
            yield return _current;
        }
    }

    /// <summary>Cancels the call if it is still running, closes the doorbell and unmaps the ring: views of its batches
    /// become invalid.</summary>
    public void Dispose()
    {
        Call.Dispose();
        Doorbell?.Dispose();
        Ring?.Dispose();
    }

    /// <summary>The next message of the call (mapping the ring and opening the doorbell it announces), or null at its end.</summary>
    private async Task<Batch?> ReadCallAsync(CancellationToken cancellationToken)
    {
        if (!await Call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var message = Call.ResponseStream.Current;
        if (message.SharedMemoryRing is { } ring)
        {
            if (ring.LayoutVersion != SharedMemoryRingLayout.Version)
            {
                throw new InvalidDataException($"{ring.Path}: ring layout version {ring.LayoutVersion}, this client reads {SharedMemoryRingLayout.Version}");
            }
            Doorbell?.Dispose();
            Doorbell = null;
            Ring?.Dispose();
            Ring = SharedMemoryMapping.Open(ring.Path);
            if (ring.DoorbellPath.Length > 0)
            {
                try
                {
                    Doorbell = SharedMemoryDoorbell.Open(ring.DoorbellPath);
                }
                catch (FileNotFoundException)
                {
                    // The stream ended (cancelled or the server stopping) before the doorbell was opened: the call
                    // carries its status, read at the next step.
                    _ringEnded = true;
                }
            }
        }
        else if (_ringEnded || Doorbell is not null)
        {
            throw new InvalidDataException("the server sent a batch on the call after it moved the batches into the ring");
        }
        return message;
    }

    /// <summary>The batch of the next doorbell notice, read from its record in the ring; at the doorbell's end, the call's
    /// end (null, or its error).</summary>
    private async Task<Batch?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        // Notices already read ahead must not keep a cancelled enumeration going.
        cancellationToken.ThrowIfCancellationRequested();
        if (await Doorbell!.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } notice)
        {
            Doorbell.Dispose();
            Doorbell = null;
            _ringEnded = true;
            if (await ReadCallAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new InvalidDataException("the server sent a batch on the call after the doorbell ended");
            }
            return null;
        }
        var ring = Ring!;
        if (notice.Offset < ring.DataOffset || notice.Length <= 0 || notice.Offset % SharedMemoryRingLayout.Alignment != 0
            || notice.Offset + notice.Length > ring.FileBytes)
        {
            throw new InvalidDataException($"{Doorbell.Path}: notice [{notice.Offset}, +{notice.Length}) is not a record in the ring's data area");
        }
        return Batch.Parser.ParseFrom(ring.Span(notice.Offset, (int)notice.Length));
    }
}
