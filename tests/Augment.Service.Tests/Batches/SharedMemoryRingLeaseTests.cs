using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Batches;
using Google.Protobuf;

namespace Augment.Service.Tests.Batches;

/// <summary>Tensors built in the ring (<see cref="RingLease"/>, granted by <see cref="SharedMemoryRingWriter.TryLease"/>):
/// delivered in place, never overwritten while in flight or held, and never in the way of an earlier batch.</summary>
public sealed class SharedMemoryRingLeaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-lease-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Builds an image tensor of <paramref name="fill"/> bytes as a builder does: in a lease when granted (and
    /// <paramref name="leased"/>). Tensors are placed in the order indices, images.</summary>
    private static (Batch Batch, RingLease? Lease) Build(SharedMemoryRingWriter writer, int index, int imageBytes, byte fill, bool leased = true)
    {
        var lease = leased ? writer.TryLease(imageBytes) : null;
        Memory<byte> bytes = lease?.Memory ?? new byte[imageBytes];
        bytes.Span.Fill(fill);
        var images = new Tensor { Dtype = DType.Uint8, Shape = { imageBytes }, Data = UnsafeByteOperations.UnsafeWrap(bytes) };
        lease?.Complete(images);
        var batch = new Batch
        {
            BatchIndex = index,
            Indices = new Tensor { Dtype = DType.Int64, Shape = { 1 }, Data = ByteString.CopyFrom(BitConverter.GetBytes((long)index)) },
            Image = new ImagePayload { Images = images },
        };
        return (batch, lease);
    }

    /// <summary>Builds batch <paramref name="index"/> (in the pool unless <paramref name="leased"/>), places it (waiting at most 5 s for room)
    /// and, with <paramref name="release"/>, lets the client release it.</summary>
    private static async Task<Batch> PlaceAsync(SharedMemoryRingWriter writer, SharedMemoryMapping client, int index, int imageBytes, byte fill, bool release = true, bool leased = false)
    {
        var (batch, _) = Build(writer, index, imageBytes, fill, leased);
        await writer.PlaceAsync(batch, 8192, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        if (release)
        {
            client.Release(batch.SharedMemoryRelease);
        }
        return batch;
    }

    private static void AssertImages(SharedMemoryMapping client, Batch batch, byte fill, int imageBytes)
    {
        Assert.True(batch.Image.Images.Data.IsEmpty);
        Assert.Equal(imageBytes, batch.Image.Images.SharedMemory.Length);
        Assert.All(client.Span(batch.Image.Images.SharedMemory.Offset, imageBytes).ToArray(), b => Assert.Equal(fill, b));
    }

    [Fact]
    public async Task TryLease_RingHasRoom_TensorDeliveredInPlaceWithoutACopy()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var (batch, lease) = Build(writer, 0, 2000, 7);
        Assert.NotNull(lease);

        await writer.PlaceAsync(batch, 8192, CancellationToken.None);

        Assert.Equal(client.DataOffset, batch.Image.Images.SharedMemory.Offset);
        Assert.Equal(client.DataOffset + 2048, batch.Indices.SharedMemory.Offset);
        Assert.Equal(2048 + 64, batch.SharedMemoryRelease);
        AssertImages(client, batch, 7, 2000);
        Assert.Equal((1, 1, 0), (writer.LeasesGranted, writer.LeasesUsed, writer.LeasesEvicted));
    }

    [Theory]
    [InlineData(2100)] // Over half the ring: never leased.
    [InlineData(1500)] // Fits, but not with room for as much again behind the batch the client holds.
    public async Task TryLease_NoRoomWithoutWaiting_NullAndTheBatchIsCopiedAsBefore(int imageBytes)
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 4096);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var (held, _) = Build(writer, 0, 1000, 1);
        await writer.PlaceAsync(held, 4096, CancellationToken.None);

        var (batch, lease) = Build(writer, 1, imageBytes, 2);
        Assert.Null(lease);
        client.Release(held.SharedMemoryRelease);
        await writer.PlaceAsync(batch, 4096, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        AssertImages(client, batch, 2, imageBytes);
        Assert.Equal((1, 1), (writer.LeasesGranted, writer.LeasesUsed));
    }

    [Fact]
    public async Task TryLease_LaterBatchLeasedFirst_ItsBytesSurviveTheClientReleasingEarlierBatches()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        // Built out of order: batch 1 takes the first region [0, 1024), batch 0 the one after it.
        var (second, secondLease) = Build(writer, 1, 1000, 2);
        var (first, firstLease) = Build(writer, 0, 1000, 1);
        Assert.NotNull(secondLease);
        Assert.NotNull(firstLease);

        await writer.PlaceAsync(first, 8192, CancellationToken.None);
        // Batch 0's release covers batch 1's region, which is still in flight.
        Assert.Equal(2112, first.SharedMemoryRelease);
        client.Release(first.SharedMemoryRelease);
        await PlaceAsync(writer, client, 2, 5000, 8);
        // Its images start the next lap ([8192, 10240)), over batch 1's region: its bytes move out of the way instead of being overwritten.
        var bigger = await PlaceAsync(writer, client, 3, 2000, 9, release: false);
        Assert.Equal(10240, bigger.SharedMemoryRelease);
        Assert.Equal(1, writer.LeasesEvicted);
        AssertImages(client, bigger, 9, 2000);

        client.Release(bigger.SharedMemoryRelease);
        await writer.PlaceAsync(second, 8192, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        AssertImages(client, second, 2, 1000);
        Assert.Equal((2, 1, 1), (writer.LeasesGranted, writer.LeasesUsed, writer.LeasesEvicted));
    }

    [Fact]
    public async Task PlaceAsync_LeaseOfADeliveredBatchTheClientHolds_NotOverwrittenUntilReleased()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var (second, _) = Build(writer, 1, 1000, 2);
        var (first, _) = Build(writer, 0, 1000, 1);
        await writer.PlaceAsync(first, 8192, CancellationToken.None);
        await writer.PlaceAsync(second, 8192, CancellationToken.None);
        Assert.Equal((2112L, 2176L), (first.SharedMemoryRelease, second.SharedMemoryRelease));
        Assert.Equal(2, writer.LeasesUsed);
        // The client is done with batch 0 (whose release covers batch 1's region [0, 1024)) but still holds batch 1.
        client.Release(first.SharedMemoryRelease);
        await PlaceAsync(writer, client, 2, 5000, 8, release: false);

        // Its images start the next lap ([8192, 10240)): within a lap of what the client released, but over batch 1's region.
        var (next, _) = Build(writer, 3, 2000, 9, leased: false);
        var placing = writer.PlaceAsync(next, 8192, CancellationToken.None);
        await Task.Delay(50);

        Assert.False(placing.IsCompleted);
        AssertImages(client, second, 2, 1000);
        client.Release(second.SharedMemoryRelease);
        await placing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(10240, next.SharedMemoryRelease);
        AssertImages(client, next, 9, 2000);
        Assert.Equal(0, writer.LeasesEvicted);
    }

    [Fact]
    public async Task PlaceAsync_LeaseStillBeingWritten_EarlierBatchWaitsForTheBuilderThenMovesItOut()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var building = writer.TryLease(1000)!;
        await PlaceAsync(writer, client, 0, 1000, 1, leased: true);
        await PlaceAsync(writer, client, 1, 5000, 8);

        var (bigger, _) = Build(writer, 2, 2000, 9, leased: false);
        var placing = writer.PlaceAsync(bigger, 8192, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(placing.IsCompleted);
        building.Memory.Span.Fill(3);
        var images = new Tensor { Dtype = DType.Uint8, Shape = { 1000 }, Data = UnsafeByteOperations.UnsafeWrap(building.Memory) };
        building.Complete(images);
        await placing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, writer.LeasesEvicted);
        Assert.All(images.Data.ToByteArray(), b => Assert.Equal(3, b));
        AssertImages(client, bigger, 9, 2000);
    }

    [Fact]
    public async Task Abandon_BuilderFailed_RegionFreeForTheNextBatch()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        writer.TryLease(1000)!.Abandon();
        await PlaceAsync(writer, client, 0, 1000, 1, leased: true);
        await PlaceAsync(writer, client, 1, 5000, 8);

        // Its images start the next lap, over the abandoned region: nothing to wait for, nothing to move.
        var bigger = await PlaceAsync(writer, client, 2, 2000, 9, release: false);

        Assert.Equal(10240, bigger.SharedMemoryRelease);
        AssertImages(client, bigger, 9, 2000);
        Assert.Equal(0, writer.LeasesEvicted);
    }

    [Fact]
    public async Task DrainAsync_LeaseOfABatchNeverDelivered_EndsOnceTheDeliveredBatchesAreReleased()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var (first, _) = Build(writer, 0, 1000, 1);
        await writer.PlaceAsync(first, 8192, CancellationToken.None);
        Build(writer, 1, 1000, 2); // Built, then the stream failed before delivering it.
        client.Release(first.SharedMemoryRelease);

        await writer.DrainAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }
}
