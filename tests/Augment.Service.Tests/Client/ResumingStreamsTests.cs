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

    private static StreamBatchesRequest Request() => new()
    {
        Dataset = "sample", BatchSize = 128, Epochs = 3, Seed = 23, Workers = 2, Pipeline = Streams.RandomPipeline(),
    };

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
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
            await using var second = await ServiceFixture.StartAsync(args: urls);
            while (await batches.MoveNextAsync())
            {
                seen.Add(batches.Current);
            }
            Assert.NotEmpty(reconnections); // the restart did cut the call
            Assert.All(reconnections, code => Assert.Equal(StatusCode.Unavailable, code));
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
