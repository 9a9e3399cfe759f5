using System.Runtime.CompilerServices;
using Augment.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Augment.Contracts.Client;

/// <summary>StreamBatches that survives server restarts and dropped connections: on UNAVAILABLE (or a CANCELLED the
/// caller did not ask for: the stream reset of a server stopping while the client was not reading) it starts the call again
/// at the position after the last batch it yielded (<c>start</c> = (epoch, batch + 1)), so the batches it yields are
/// exactly those of an uninterrupted stream (the server's resume guarantee). An epoch's <c>epoch_info</c>, which the
/// server sends again on the first batch of a resumed call, is kept only on the epoch's first batch. Other statuses are
/// thrown at once. The same behaviour as the Python client's <c>stream_batches</c>.</summary>
public static class ResumingStreams
{
    /// <summary>The batches of <paramref name="request"/> (from its <c>start</c>), reconnecting on UNAVAILABLE as
    /// <paramref name="retry"/> says (default <see cref="StreamRetryOptions.Default"/>).</summary>
    /// <exception cref="RpcException">A status other than UNAVAILABLE, or UNAVAILABLE after the last attempt (its detail
    /// says how many reconnections were tried).</exception>
    public static async IAsyncEnumerable<Batch> ReadBatchesAsync(this CallInvoker invoker, StreamBatchesRequest request,
        StreamRetryOptions? retry = null, CallOptions options = default, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(request);
        retry ??= StreamRetryOptions.Default;
        retry.Validate();
        var next = (Epoch: request.Start?.Epoch ?? 0, Batch: request.Start?.Batch ?? 0);
        long? lastEpoch = null;
        var failures = 0;
        while (true)
        {
            var attempt = request.Clone();
            attempt.Start = new StreamPosition { Epoch = next.Epoch, Batch = next.Batch };
            using var call = AugmentStreams.StreamBatches(invoker, attempt, options.WithCancellationToken(cancellationToken));
            while (true)
            {
                Batch? batch = null;
                var ended = false;
                RpcException? unavailable = null;
                try
                {
                    if (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
                    {
                        batch = call.ResponseStream.Current;
                    }
                    else
                    {
                        ended = true;
                    }
                }
                catch (RpcException ex) when (Retryable(ex) && !cancellationToken.IsCancellationRequested)
                {
                    if (failures >= retry.Retries)
                    {
                        throw failures == 0 ? ex : new RpcException(new Status(ex.StatusCode, $"{ex.Status.Detail} (after {failures} reconnection attempts)", ex.Status.DebugException), ex.Trailers);
                    }
                    unavailable = ex;
                }
                if (ended)
                {
                    yield break;
                }
                if (unavailable is not null)
                {
                    retry.Reconnecting?.Invoke(failures + 1, unavailable);
                    await Task.Delay(retry.Backoff(failures), cancellationToken).ConfigureAwait(false);
                    failures++;
                    break;
                }
                failures = 0;
                next = (batch!.Epoch, batch.BatchIndex + 1);
                if (batch.EpochInfo is not null && batch.Epoch == lastEpoch)
                {
                    batch.EpochInfo = null; // sent again by a resumed call: an uninterrupted stream has it once per epoch
                }
                lastEpoch = batch.Epoch;
                yield return batch;
            }
        }
    }

    /// <summary>UNAVAILABLE (no server, a dropped connection, a server stopping), or CANCELLED that this caller did not ask
    /// for: a server that stops while a write to a client that is not reading is still pending resets the stream
    /// (HTTP/2 CANCEL), which gRPC reports as CANCELLED.</summary>
    private static bool Retryable(RpcException ex) => ex.StatusCode is StatusCode.Unavailable or StatusCode.Cancelled;

    /// <summary>The batches of <paramref name="request"/> on <paramref name="channel"/>, reconnecting on UNAVAILABLE
    /// (see <see cref="ReadBatchesAsync(CallInvoker, StreamBatchesRequest, StreamRetryOptions?, CallOptions, CancellationToken)"/>).</summary>
    public static IAsyncEnumerable<Batch> ReadBatchesAsync(this GrpcChannel channel, StreamBatchesRequest request,
        StreamRetryOptions? retry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CreateCallInvoker().ReadBatchesAsync(request, retry, default, cancellationToken);
    }
}
