using System.Net;
using System.Net.Sockets;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;
using Grpc.Net.Client;

namespace Augment.Service.Tests.Client;

public sealed class ResumingStreamsTests
{
    private static readonly StreamRetryOptions Quick = new() { Retries = 12, InitialBackoff = TimeSpan.FromMilliseconds(100), MaxBackoff = TimeSpan.FromSeconds(1) };

    /// <summary>Three epochs of the 4,000 built-in images at 96x96: 110 MB, far more than HTTP/2 flow control lets the
    /// server send ahead of a client that stops reading (a stream window grows to at most 16 MiB), so stopping the server
    /// mid-stream always cuts the call.</summary>
    private static StreamBatchesRequest Request() => new()
    {
        Dataset = "sample", BatchSize = 128, Epochs = 3, Seed = 23, Workers = 2, Pipeline = Streams.RandomPipeline(96),
    };

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>Starts a server on the port just left by another, retrying while the port is still taken (sockets of the
    /// stopped server's connections may hold it for a moment).</summary>
    private static async Task<ServiceFixture> StartOnAsync(string[] urls)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ServiceFixture.StartAsync(args: urls);
            }
            catch (Exception ex) when (attempt < 50 && ex.ToString().Contains("in use", StringComparison.OrdinalIgnoreCase))
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Key(Batch b) =>
        $"{b.Epoch}/{b.BatchIndex}/{Convert.ToHexString(b.Indices.Data.Span)}/{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(b.Image.Images.Data.Span))}";

    [Fact]
    public async Task ReadBatchesAsync_ServerRestartsMidStream_YieldsExactlyTheUninterruptedBatches()
    {
        var port = FreePort();
        string[] urls = ["--urls", $"http://127.0.0.1:{port}"];
        var first = await ServiceFixture.StartAsync(args: urls);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 * 1024 });
        var seen = new List<Batch>();
        var reconnections = new List<StatusCode>();
        var retry = Quick with { Reconnecting = (_, ex) => reconnections.Add(ex.StatusCode) };
        await using (var batches = channel.ReadBatchesAsync(Request(), retry).GetAsyncEnumerator())
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await batches.MoveNextAsync());
                seen.Add(batches.Current);
            }
            await first.DisposeAsync(); // graceful stop: the open call ends with UNAVAILABLE
            await using var second = await StartOnAsync(urls);
            while (await batches.MoveNextAsync())
            {
                seen.Add(batches.Current);
            }
            Assert.NotEmpty(reconnections); // the restart did cut the call
            // UNAVAILABLE, or CANCELLED when the stopping server reset a stream whose client was not reading.
            Assert.All(reconnections, code => Assert.Contains(code, new[] { StatusCode.Unavailable, StatusCode.Cancelled }));
            var uninterrupted = await second.Client.ReadAllAsync(Request());
            Assert.Equal(uninterrupted.Select(Key), seen.Select(Key));
            Assert.Equal(uninterrupted.Select(b => b.EpochInfo is not null), seen.Select(b => b.EpochInfo is not null));
        }
    }

    [Fact]
    public async Task ReadBatchesAsync_ServerNeverReturns_ThrowsUnavailableNamingTheAttempts()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{FreePort()}");
        var retry = new StreamRetryOptions { Retries = 2, InitialBackoff = TimeSpan.FromMilliseconds(10) };
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in channel.ReadBatchesAsync(Request(), retry))
            {
            }
        });
        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("after 2 reconnection attempts", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadBatchesAsync_CallerCancels_StopsWithoutReconnecting()
    {
        await using var service = await ServiceFixture.StartAsync();
        using var cancel = new CancellationTokenSource();
        var reconnections = 0;
        var retry = Quick with { Reconnecting = (_, _) => reconnections++ };
        var read = 0;
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in service.Channel.ReadBatchesAsync(Request(), retry, cancel.Token))
            {
                if (++read == 2)
                {
                    await cancel.CancelAsync();
                }
            }
        });
        Assert.True(ex is OperationCanceledException || (ex is RpcException rpc && rpc.StatusCode == StatusCode.Cancelled), ex.ToString());
        Assert.Equal(2, read);
        Assert.Equal(0, reconnections);
    }

    [Fact]
    public async Task ReadBatchesAsync_InvalidRequest_ThrowsAtOnceWithoutRetrying()
    {
        await using var service = await ServiceFixture.StartAsync();
        var request = Request();
        request.BatchSize = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in service.Channel.ReadBatchesAsync(request, new StreamRetryOptions { InitialBackoff = TimeSpan.FromSeconds(5) }))
            {
            }
        });
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("batch_size", ex.Status.Detail, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "an INVALID_ARGUMENT status must not be retried");
    }

    [Fact]
    public async Task ReadBatchesAsync_FromAStartPosition_EqualsTheRestOfTheStream()
    {
        await using var service = await ServiceFixture.StartAsync();
        var all = await service.Client.ReadAllAsync(Request());
        var request = Request();
        request.Start = new StreamPosition { Epoch = 1, Batch = 3 };
        var rest = new List<Batch>();
        await foreach (var batch in service.Channel.ReadBatchesAsync(request))
        {
            rest.Add(batch);
        }
        Assert.Equal(all.Where(b => b.Epoch > 1 || (b.Epoch == 1 && b.BatchIndex >= 3)).Select(Key), rest.Select(Key));
    }
}
