using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Batches;
using Augment.Service.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Augment.Service.Tests.Batches;

/// <summary>StreamBatches with shared memory, end to end: real Kestrel on loopback, the library's C# client mapping the
/// real ring file in /dev/shm.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(SharedMemoryCollection.Name)]
public sealed class SharedMemoryStreamTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    // 500 samples of 28x28: 392,000 image bytes + 3 x 4,000 bytes of vectors per batch; a 1 MiB ring holds two batches,
    // so three epochs of the 4000-sample built-in set (24 batches, ~9.7 MB) wrap it nine times.
    private static StreamBatchesRequest Request() =>
        new() { BatchSize = 500, Epochs = 3, Seed = 21, Workers = 2, Pipeline = Streams.RandomPipeline(28) };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamBatchesShared_RingSmallerThanAnEpoch_SameBytesAsTheTcpStream(bool batchesInRing)
    {
        var request = Request();
        var expected = await service.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(service.Address);
        var leasesBefore = service.Get<SharedMemoryStreams>().LeaseCounts;

        var actual = new List<Batch>();
        string? path = null;
        string? bell = null;
        using (var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20, batchesInRing: batchesInRing))
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                if (path is null)
                {
                    path = stream.Ring!.Path;
                    bell = stream.Doorbell?.Path;
                    Assert.Equal(batchesInRing ? path + ".bell" : null, bell);
                    if (bell is not null)
                    {
                        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(bell));
                    }
                }
                // Ring delivery: the first batch on the call, every later one as a record in the ring.
                Assert.Equal(batchesInRing && actual.Count > 0, batch.FromRing);
                Assert.True(File.Exists(path));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                Assert.True(batch.Message.Image.Images.Data.IsEmpty);
                Assert.Equal(0, batch.Message.Image.Images.SharedMemory.Offset % SharedMemoryRingLayout.Alignment);
                if (actual.Count % 4 == 0)
                {
                    // A slow consumer: the server must wait for room instead of overwriting this batch meanwhile.
                    await Task.Delay(30);
                }
                actual.Add(batch.Copy());
            }
            Assert.Equal(1 << 20, stream.Ring!.Capacity);
        }

        Assert.Equal(24, expected.Count);
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
        Assert.False(File.Exists(path));
        Assert.False(bell is not null && File.Exists(bell));
        // At least the first batch built (into an empty ring) has its images built in the ring; every lease is delivered
        // in place or moved out of the way of an earlier batch.
        var (granted, used, evicted) = Delta(service.Get<SharedMemoryStreams>().LeaseCounts, leasesBefore);
        Assert.True(used > 0, $"{used} images delivered in place");
        Assert.Equal(granted, used + evicted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task StreamBatchesShared_EightWorkersFinishingOutOfOrder_SameBytesAsTheTcpStreamWithImagesBuiltInTheRing(bool batchesInRing)
    {
        await using var server = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:Service:MaxWorkers"] = "8" });
        // 100 samples of 28x28 (78,400 image bytes): a 1 MiB ring holds about 12 batches, 8 of them in flight.
        var request = new StreamBatchesRequest { BatchSize = 100, Epochs = 2, Seed = 5, Workers = 8, Pipeline = Streams.RandomPipeline(28) };
        var expected = await server.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(server.Address);

        var actual = new List<Batch>();
        using (var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20, batchesInRing: batchesInRing))
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                if (actual.Count % 7 == 3)
                {
                    await Task.Delay(5);
                }
                actual.Add(batch.Copy());
            }
        }

        Assert.Equal(80, expected.Count);
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
        var streams = server.Get<SharedMemoryStreams>();
        await WaitUntilAsync(() => streams.LeaseCounts.Used > 0, "the server closes the ring when the call ends");
        var (granted, used, evicted) = streams.LeaseCounts;
        Assert.Equal(granted, used + evicted);
    }

    [Fact]
    public async Task StreamBatchesShared_ImagesOverHalfTheRing_NeverBuiltInTheRingAndSameBytes()
    {
        // 1000 samples: 784,000 image bytes, more than half of the 1 MiB ring: copied into the ring as before.
        var request = new StreamBatchesRequest { BatchSize = 1000, Seed = 8, Workers = 2, Pipeline = Streams.RandomPipeline(28) };
        var expected = await service.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(service.Address);
        var leasesBefore = service.Get<SharedMemoryStreams>().LeaseCounts;

        var actual = new List<Batch>();
        string path;
        using (var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20))
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                actual.Add(batch.Copy());
            }
            path = stream.Ring!.Path;
        }

        // The counts are added when the server closes the ring (before it deletes the file).
        await WaitGoneAsync(path);
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
        Assert.Equal((0L, 0L, 0L), Delta(service.Get<SharedMemoryStreams>().LeaseCounts, leasesBefore));
    }

    private static (long Granted, long Used, long Evicted) Delta((long Granted, long Used, long Evicted) after, (long Granted, long Used, long Evicted) before) =>
        (after.Granted - before.Granted, after.Used - before.Used, after.Evicted - before.Evicted);

    [Fact]
    public async Task StreamBatchesShared_ClientCancels_RingFileRemovedAndServerKeepsServing()
    {
        var request = Request();
        request.Unbounded = true;
        using var channel = AugmentChannel.ForAddress(service.Address);
        string path;
        using (var stream = channel.StreamBatchesShared(request, ringBytes: 1 << 20))
        {
            var read = 0;
            await foreach (var batch in stream.ReadAllAsync())
            {
                if (++read == 3)
                {
                    break;
                }
            }
            path = stream.Ring!.Path;
            Assert.True(File.Exists(path));
        }

        await WaitGoneAsync(path);
        Assert.Equal(8, (await service.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 500 })).Count);
    }

    [Fact]
    public async Task StreamBatchesShared_ServerShutsDownWhileTheRingIsFull_UnavailableAndRingFileRemoved()
    {
        var server = await ServiceFixture.StartAsync();
        using var channel = AugmentChannel.ForAddress(server.Address);
        using var stream = channel.StreamBatchesShared(Request(), ringBytes: 1 << 20);
        await using var batches = stream.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await batches.MoveNextAsync());
        var path = stream.Ring!.Path;
        // Holding the first batch: the server fills the rest of the ring, then waits for room.
        await Task.Delay(200);

        var stop = server.DisposeAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await batches.MoveNextAsync())
            {
            }
        });
        await stop;

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Contains("resume with start", ex.Status.Detail, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task StreamBatchesShared_BatchLargerThanTheRing_InvalidArgumentNamingRingBytes()
    {
        using var channel = AugmentChannel.ForAddress(service.Address);
        using var stream = channel.StreamBatchesShared(new StreamBatchesRequest { BatchSize = 256 }, ringBytes: 64 << 10);

        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in stream.ReadAllAsync())
            {
            }
        });

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("shared_memory.ring_bytes: batch 0 of epoch 0 needs", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("shared_memory.ring_bytes", ex.Trailers.GetValue("augment-field"));
        // The tests of this class run one at a time and are the only ones here that create rings.
        Assert.Empty(Directory.EnumerateFiles("/dev/shm", $"augment-ring-{Environment.ProcessId}-*"));
        Assert.Equal(16, (await service.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 256 })).Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2L << 30)]
    public async Task StreamBatchesShared_RingBytesOutOfRange_InvalidArgument(long ringBytes)
    {
        using var channel = AugmentChannel.ForAddress(service.Address);
        using var stream = channel.StreamBatchesShared(new StreamBatchesRequest { BatchSize = 256 }, ringBytes);

        var ex = await Assert.ThrowsAsync<RpcException>(() => stream.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync().AsTask());

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("shared_memory.ring_bytes: ", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatchesShared_DisabledByConfiguration_FailedPreconditionAndTcpStillWorks()
    {
        await using var server = await ServiceFixture.StartAsync(new Dictionary<string, string?> { ["Augment:SharedMemory:Enabled"] = "false" });
        using var channel = AugmentChannel.ForAddress(server.Address);
        using var stream = channel.StreamBatchesShared(new StreamBatchesRequest { BatchSize = 256 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => stream.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync().AsTask());

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("Augment:SharedMemory:Enabled = false", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(16, (await server.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 256 })).Count);
    }

    [Fact]
    public async Task StreamBatchesShared_PeerOnAnotherAddress_FailedPrecondition()
    {
        // A real non-loopback address of this machine: the call arrives from it, not from loopback.
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (address is null)
        {
            return; // No second address on this machine: SharedMemoryPeerTests covers the predicate.
        }
        await using var server = await ServiceFixture.StartAsync(args: ["--urls", $"http://{address}:0"]);
        using var channel = AugmentChannel.ForAddress(server.Address.ToString());
        using var stream = channel.StreamBatchesShared(new StreamBatchesRequest { BatchSize = 256 });

        var ex = await Assert.ThrowsAsync<RpcException>(() => stream.ReadAllAsync().GetAsyncEnumerator().MoveNextAsync().AsTask());

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains($"the peer is {address}", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(16, (await server.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 256 })).Count);
    }

    [Fact]
    public async Task StreamBatchesShared_UnixSocketPeer_ServedThroughTheRing()
    {
        var socket = Path.Combine(Path.GetTempPath(), $"augment-test-{Guid.NewGuid():N}.sock");
        await using var server = await ServiceFixture.StartAsync(args: ["--urls", $"http://unix:{socket}"]);
        using var channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 64 << 20,
            HttpHandler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await s.ConnectAsync(new UnixDomainSocketEndPoint(socket), ct);
                    return new NetworkStream(s, ownsSocket: true);
                },
            },
        });
        var request = new StreamBatchesRequest { BatchSize = 1000, Seed = 3 };
        var expected = await new AugmentService.AugmentServiceClient(channel).ReadAllAsync(request);

        var actual = new List<Batch>();
        using (var stream = channel.StreamBatchesShared(request))
        {
            await foreach (var batch in stream.ReadAllAsync())
            {
                Assert.NotNull(batch.Message.Image.Images.SharedMemory);
                actual.Add(batch.Copy());
            }
        }

        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
    }

    /// <summary>Waits up to 10 s for <paramref name="condition"/>.</summary>
    internal static async Task WaitUntilAsync(Func<bool> condition, string because)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition(), because);
    }

    private static async Task WaitGoneAsync(string path)
    {
        for (var i = 0; i < 200 && File.Exists(path); i++)
        {
            await Task.Delay(10);
        }
        Assert.False(File.Exists(path), $"{path} still exists");
    }
}
