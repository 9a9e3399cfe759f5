using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;

namespace Augment.Service.Hosting;

/// <summary>The cancellation of a streaming call's writes. Once the server starts stopping, a write still pending
/// <c>grace</c> later (a client that stopped reading) is cancelled, and the HTTP/2 stream is reset with CANCEL first.
/// Without that reset, the abort that follows a cancelled write resets the stream with INTERNAL_ERROR or CANCEL depending
/// on timing, and INTERNAL is a status no client retries; CANCELLED that the client did not ask for is what the clients
/// resume after.</summary>
internal sealed class ShutdownWrites : IDisposable
{
    private const int Http2Cancel = 0x8;

    private readonly CancellationTokenSource _writes;
    private readonly CancellationTokenSource _grace = new();
    private readonly CancellationTokenRegistration _stopping;

    public ShutdownWrites(ServerCallContext context, CancellationToken stopping, TimeSpan grace)
    {
        _writes = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var reset = context.GetHttpContext().Features.Get<IHttpResetFeature>();
        _grace.Token.Register(() =>
        {
            try
            {
                reset?.Reset(Http2Cancel);
                _writes.Cancel();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                // The call ended meanwhile: nothing left to cut.
            }
        });
        _stopping = stopping.Register(() =>
        {
            try
            {
                _grace.CancelAfter(grace);
            }
            catch (ObjectDisposedException)
            {
            }
        });
    }

    /// <summary>The token to write with.</summary>
    public CancellationToken Token => _writes.Token;

    public void Dispose()
    {
        _stopping.Dispose();
        _grace.Dispose();
        _writes.Dispose();
    }
}
