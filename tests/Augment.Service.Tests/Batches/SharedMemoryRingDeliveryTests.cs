using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Batches;
using Augment.Service.Hosting;
using Augment.Service.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Tests.Batches;

/// <summary>StreamBatches with <c>batches_in_ring</c>, end to end: real Kestrel on loopback, the library's C# client
/// reading batch records from the real ring and notices from the real doorbell FIFO in /dev/shm.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(SharedMemoryCollection.Name)]
public sealed class SharedMemoryRingDeliveryTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static StreamBatchesRequest Request() =>
        new() { BatchSize = 500, Epochs = 3, Seed = 22, Workers = 2, Pipeline = Streams.RandomPipeline(28) };

    private static async Task<List<Batch>> ReadSharedAsync(SharedMemoryBatchStream stream, int? stopAfter = null)
    {
        var batches = new List<Batch>();
        await foreach (var batch in stream.ReadAllAsync())
        {
            batches.Add(batch.Copy());
            if (batches.Count == stopAfter)
            {
                break;
            }
        }
        return batches;
    }

    [Fact]
    public async Task StreamBatchesShared_ResumeInTheMiddleOfAnEpoch_TheRemainingBatchesOfTheTcpStream()
    {
        var request = Request();
        request.Start = new StreamPosition { Epoch = 1, Batch = 3 };
        var expected = await service.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(service.Address);

        using var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20);
        var actual = await ReadSharedAsync(stream).WaitAsync(Timeout);

        Assert.Equal(13, expected.Count);
        Assert.Equal((1L, 3L), (actual[0].Epoch, actual[0].BatchIndex));
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamBatchesShared_DatasetFileFailsMidStream_BatchesBeforeItThenDataLoss(bool batchesInRing)
    {
        // "broken" holds 0.png .. 3.png in order, 3.png corrupt: batches 0-2 succeed (1 and 2 through the ring), 3 fails.
        var request = new StreamBatchesRequest { Dataset = "broken", BatchSize = 1, Shuffle = false, Workers = 1 };
        using var channel = AugmentChannel.ForAddress(service.Address);
        var tcp = new List<Batch>();
        var tcpError = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var call = service.Client.StreamBatches(request);
            await foreach (var batch in call.ResponseStream.ReadAllAsync())
            {
                tcp.Add(batch);
            }
        });

        using var stream = channel.StreamBatchesShared(request, batchesInRing: batchesInRing);
        // The server fails (and ends the doorbell) before the client even opens it: the notices must still be there.
        await Task.Delay(300);
        var shared = new List<Batch>();
        string? bell = null;
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                bell ??= stream.Doorbell?.Path;
                Assert.Equal(batchesInRing && shared.Count > 0, batch.FromRing);
                shared.Add(batch.Copy());
            }
        }).WaitAsync(Timeout);

        Assert.Equal(StatusCode.DataLoss, tcpError.StatusCode);
        Assert.Equal(tcpError.StatusCode, error.StatusCode);
        Assert.Equal(tcpError.Status.Detail, error.Status.Detail);
        Assert.Equal(3, tcp.Count);
        Assert.Equal(tcp.Select(b => b.ToByteArray()), shared.Select(b => b.ToByteArray()));
        Assert.False(bell is not null && File.Exists(bell));
    }

    [Fact]
    public async Task StreamBatchesShared_ShortStreamEndsBeforeTheClientOpensTheDoorbell_EveryBatch()
    {
        var request = new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 10, Epochs = 2, Seed = 4 };
        var expected = await service.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(service.Address);

        using var stream = channel.StreamBatchesShared(request);
        // By now the server has written all ten batches and ended the doorbell; it waits for their release.
        await Task.Delay(300);
        var actual = await ReadSharedAsync(stream).WaitAsync(Timeout);

        Assert.Equal(10, expected.Count);
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
    }

    [Fact]
    public async Task StreamBatchesShared_ClientCancels_EnumerationEndsAtOnceWorkersFreedFilesRemoved()
    {
        await using var server = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:QueueDepth"] = "1" });
        using var channel = AugmentChannel.ForAddress(server.Address);
        var request = Request();
        request.Unbounded = true;
        using var cts = new CancellationTokenSource();
        using var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20, cancellationToken: cts.Token);
        await using var batches = stream.ReadAllAsync(cts.Token).GetAsyncEnumerator();
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await batches.MoveNextAsync().AsTask().WaitAsync(Timeout));
        }
        Assert.True(batches.Current.FromRing);
        var (ring, bell) = (stream.Ring!.Path, stream.Doorbell!.Path);

        await cts.CancelAsync();
        var ex = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            while (await batches.MoveNextAsync())
            {
            }
        }).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled }, ex.ToString());

        var pool = server.Get<WorkerPool>();
        var gate = server.Get<StreamGate>();
        await SharedMemoryStreamTests.WaitUntilAsync(() => pool.Busy == 0 && gate.Active == 0 && !File.Exists(ring) && !File.Exists(bell),
            $"workers busy {pool.Busy}, streams {gate.Active}, ring {File.Exists(ring)}, doorbell {File.Exists(bell)}");
    }

    [Fact]
    public async Task StreamBatchesShared_ServerStopsMidStream_LoopEndsWithUnavailableNotAHang()
    {
        var server = await ServiceFixture.StartAsync();
        using var channel = AugmentChannel.ForAddress(server.Address);
        var request = Request();
        request.Unbounded = true;
        using var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20);
        var read = 0;
        string? bell = null;
        Task? stop = null;

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                bell ??= stream.Doorbell!.Path;
                if (++read == 4)
                {
                    stop = server.DisposeAsync();
                }
            }
        }).WaitAsync(Timeout);
        await stop!.WaitAsync(Timeout);

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.False(File.Exists(bell));
        Assert.False(File.Exists(stream.Ring!.Path));
    }

    [Fact]
    public async Task StreamBatches_ClientNeverReadsTheDoorbell_ServerStopsAtTheUnreleasedLimitAndCancellationFreesIt()
    {
        await using var server = await ServiceFixture.StartAsync();
        // Tiny batches (one 8x8 sample: about 400 bytes of ring each) in a 4 MiB ring: the ring would hold ~10,000 of them,
        // so only the bound on unreleased batches stops the server.
        var request = new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 1, Unbounded = true, Workers = 2,
            SharedMemory = new SharedMemoryOptions { Enabled = true, RingBytes = 4 << 20, BatchesInRing = true },
        };
        using var cts = new CancellationTokenSource();
        using var call = server.Channel.StreamBatches(request, cts.Token);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(Timeout));
        var announced = call.ResponseStream.Current.SharedMemoryRing;
        var pool = server.Get<WorkerPool>();
        long before;
        do
        {
            before = pool.Completed;
            await Task.Delay(300);
        }
        while (pool.Completed != before);

        // 1024 unreleased batches: the first (on the call) and 1023 notices, never more.
        Assert.Equal(SharedMemoryRingWriter.MaxUnreleasedBatches - 1, await CountNoticesAsync(announced.DoorbellPath));
        Assert.Equal(0, pool.Busy);

        await cts.CancelAsync();
        var gate = server.Get<StreamGate>();
        await SharedMemoryStreamTests.WaitUntilAsync(() => gate.Active == 0 && !File.Exists(announced.Path) && !File.Exists(announced.DoorbellPath),
            $"streams {gate.Active}");
    }

    private static async Task<int> CountNoticesAsync(string path)
    {
        using var doorbell = SharedMemoryDoorbell.Open(path);
        var count = 0;
        using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        try
        {
            while (await doorbell.ReadAsync(quiet.Token) is not null)
            {
                count++;
            }
        }
        catch (OperationCanceledException)
        {
        }
        return count;
    }
}
