using Augment.Contracts.V1;
using Augment.Service.Hosting;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;

namespace Augment.Service.Tests.Images;

/// <summary>Limits that need a server of their own: concurrent streams, batch bytes, cancellation, shutdown.</summary>
public sealed class StreamLimitsTests
{
    private static async Task WaitUntil(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }
        Assert.True(condition(), what);
    }

    [Fact]
    public async Task StreamBatches_BeyondMaxConcurrentStreams_IsResourceExhaustedAndLaterAccepted()
    {
        await using var service = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:MaxConcurrentStreams"] = "1" });
        using var cts = new CancellationTokenSource();
        using var first = service.Client.StreamBatches(new StreamBatchesRequest { BatchSize = 1, Unbounded = true }, cancellationToken: cts.Token);
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 1 }));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("MaxConcurrentStreams", ex.Status.Detail, StringComparison.Ordinal);
        await cts.CancelAsync();
        var gate = service.Get<StreamGate>();
        await WaitUntil(() => gate.Active == 0, "the cancelled stream released its slot");
        Assert.Single(await service.Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 45 }));
    }

    [Fact]
    public async Task StreamBatches_BatchOverMaxBatchBytes_IsInvalidArgumentNamingBatchSize()
    {
        await using var service = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:MaxBatchBytes"] = "10000" });
        var ex = await Assert.ThrowsAsync<RpcException>(() => service.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 13 }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("batch_size: 13 samples of 784 bytes is 10192 bytes, over the limit of 10000", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await service.Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 40 })).Count);
    }

    [Fact]
    public async Task StreamBatches_ClientCancels_WorkersAndSlotsAreFreed()
    {
        await using var service = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:QueueDepth"] = "1" });
        using var cts = new CancellationTokenSource();
        using var call = service.Client.StreamBatches(new StreamBatchesRequest
        {
            BatchSize = 512, Unbounded = true, Workers = 2, Pipeline = Streams.RandomPipeline(),
        }, cancellationToken: cts.Token);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        }
        await cts.CancelAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        var pool = service.Get<WorkerPool>();
        var gate = service.Get<StreamGate>();
        await WaitUntil(() => pool.Busy == 0 && gate.Active == 0, $"workers busy {pool.Busy}, streams {gate.Active}");
    }

    [Fact]
    public async Task StreamBatches_SlowClient_ServerStaysBoundedAhead()
    {
        await using var service = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:QueueDepth"] = "2" });
        using var cts = new CancellationTokenSource();
        using var call = service.Client.StreamBatches(new StreamBatchesRequest { BatchSize = 1024, Unbounded = true, Workers = 1 },
            cancellationToken: cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var pool = service.Get<WorkerPool>();
        // The client reads nothing more: once the HTTP/2 window and the queue are full, production stops.
        long before;
        var waited = 0;
        do
        {
            before = pool.Completed;
            await Task.Delay(400);
            waited++;
        }
        while (pool.Completed != before && waited < 20);
        Assert.Equal(before, pool.Completed);
        Assert.Equal(0, pool.Busy);
        // An unbounded stream of 800 KB batches stopped after a bounded number: the window plus the queue.
        Assert.InRange(pool.Completed, 1, 200);
        await cts.CancelAsync();
    }

    [Fact]
    public async Task StreamBatches_ServerShutsDown_UnavailableWithResumePosition()
    {
        var service = await ServiceFixture.StartAsync();
        // A channel of its own: the fixture disposes its channel when it stops.
        using var channel = service.CreateChannel();
        using var call = new AugmentService.AugmentServiceClient(channel).StreamBatches(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 5, Unbounded = true, Workers = 1 });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var stop = service.DisposeAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        });
        await stop;
        Assert.True(ex.StatusCode == StatusCode.Unavailable, ex.ToString());
        Assert.Contains("resume with start", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatches_ShutdownWhileClientNotReading_StopsWithinTheWriteGrace()
    {
        var service = await ServiceFixture.StartAsync();
        using var channel = service.CreateChannel();
        // 400 KB batches, never read: the HTTP/2 window fills and the server's write waits on the client.
        using var call = new AugmentService.AugmentServiceClient(channel).StreamBatches(
            new StreamBatchesRequest { Dataset = "sample", BatchSize = 512, Unbounded = true, Workers = 1 });
        await call.ResponseHeadersAsync;
        var pool = service.Get<WorkerPool>();
        long before;
        var waited = 0;
        do
        {
            before = pool.Completed;
            await Task.Delay(200);
            waited++;
        }
        while ((pool.Completed == 0 || pool.Completed != before) && waited < 50);
        Assert.Equal(before, pool.Completed);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await service.DisposeAsync();
        // Without cancelling the pending write the host waits for its whole shutdown timeout (30 s).
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"shutdown took {clock.Elapsed}");
        Assert.True(clock.Elapsed >= Augment.Service.Images.AugmentGrpcService.ShutdownWriteGrace - TimeSpan.FromMilliseconds(100), $"shutdown took {clock.Elapsed}");
    }
}
