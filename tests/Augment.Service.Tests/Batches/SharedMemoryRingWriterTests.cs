using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Batches;
using Google.Protobuf;

namespace Augment.Service.Tests.Batches;

public sealed class SharedMemoryRingWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-ring-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Batch BatchOf(int imageBytes, byte fill) => new()
    {
        Indices = new Tensor { Dtype = DType.Int64, Shape = { 1 }, Data = ByteString.CopyFrom(new byte[8]) },
        Image = new ImagePayload { Images = new Tensor { Dtype = DType.Uint8, Shape = { imageBytes }, Data = ByteString.CopyFrom(Enumerable.Repeat(fill, imageBytes).ToArray()) } },
    };

    [Fact]
    public async Task PlaceAsync_TensorNotFittingAtTheEnd_StartsAtTheBeginningAndWaitsForRelease()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 4096);
        using var client = SharedMemoryMapping.Open(writer.Path);
        var first = BatchOf(2000, 1);
        await writer.PlaceAsync(first, 4096, CancellationToken.None);
        // 64 (indices) + 2048 (images, aligned) = 2112; the next batch's 2000 image bytes no longer fit after 2176.
        Assert.Equal(2112, first.SharedMemoryRelease);
        Assert.NotNull(first.SharedMemoryRing);
        var second = BatchOf(2000, 2);

        var placing = writer.PlaceAsync(second, 4096, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(placing.IsCompleted);
        client.Release(first.SharedMemoryRelease);
        await placing.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Null(second.SharedMemoryRing);
        Assert.Equal(client.DataOffset + 2112, second.Indices.SharedMemory.Offset);
        Assert.Equal(client.DataOffset, second.Image.Images.SharedMemory.Offset);
        Assert.Equal(4096 + 2048, second.SharedMemoryRelease);
        Assert.True(second.Image.Images.Data.IsEmpty);
        Assert.All(client.Span(second.Image.Images.SharedMemory.Offset, 2000).ToArray(), b => Assert.Equal(2, b));
    }

    [Fact]
    public async Task PlaceAsync_ClientNeverReleases_WaitEndsOnCancellation()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 4096);
        await writer.PlaceAsync(BatchOf(3000, 1), 4096, CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.PlaceAsync(BatchOf(3000, 2), 4096, cts.Token));
    }

    [Fact]
    public async Task PlaceAsync_BatchLargerThanTheRing_InvalidArgumentNamingRingBytes()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 4096);

        var ex = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => writer.PlaceAsync(BatchOf(4096, 1), 8192, CancellationToken.None));

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("shared_memory.ring_bytes: batch 0 of epoch 0 needs 4160 bytes of ring, the ring holds 4096", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_BatchesInRing_FirstOnTheCallLaterAsAlignedRecordsCoveredByTheirRelease()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192, batchesInRing: true);
        using var client = SharedMemoryMapping.Open(writer.Path);
        using var bell = SharedMemoryDoorbell.Open(writer.DoorbellPath!);
        var first = BatchOf(2000, 1);
        Assert.False(await writer.DeliverAsync(first, 8192, CancellationToken.None));
        Assert.Equal(writer.Path + SharedMemoryDoorbell.Suffix, first.SharedMemoryRing.DoorbellPath);

        var sent = new List<Batch>();
        for (var i = 1; i <= 6; i++)
        {
            var batch = BatchOf(2000, (byte)(i + 1));
            batch.BatchIndex = i;
            // 2112 bytes of tensors and a 128-byte record: the 8 KiB ring wraps every three batches.
            client.Release(i == 1 ? first.SharedMemoryRelease : sent[^1].SharedMemoryRelease);
            Assert.True(await writer.DeliverAsync(batch, 8192, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));
            sent.Add(batch);

            var (offset, length) = (await bell.ReadAsync())!.Value;
            Assert.Equal(0, offset % SharedMemoryRingLayout.Alignment);
            var record = Batch.Parser.ParseFrom(client.Span(offset, (int)length));
            Assert.Equal(batch, record);
            Assert.Equal(i, record.BatchIndex);
            Assert.Null(record.SharedMemoryRing);
            Assert.All(client.Span(record.Image.Images.SharedMemory.Offset, 2000).ToArray(), b => Assert.Equal(i + 1, b));
            // The release position is the record's end (virtual): the record ends the batch's part of the ring.
            Assert.Equal((offset - client.DataOffset + SharedMemoryRingLayout.AlignUp(length, 64)) % 8192, record.SharedMemoryRelease % 8192);
        }

        await writer.EndBatchesAsync(CancellationToken.None);
        Assert.Null(await bell.ReadAsync());
    }

    [Fact]
    public async Task DeliverAsync_GathersNotices_AFullGroupGoesAtOnceTheRestWithTheEnd()
    {
        const long ringBytes = 1 << 20;
        using var writer = SharedMemoryRingWriter.Create(_dir, ringBytes, batchesInRing: true);
        writer.NoticeDelay = TimeSpan.FromHours(1); // only a full group or the end sends notices
        using var client = SharedMemoryMapping.Open(writer.Path);
        using var bell = SharedMemoryDoorbell.Open(writer.DoorbellPath!);
        Assert.False(await writer.DeliverAsync(BatchOf(100, 1), ringBytes, CancellationToken.None));
        var count = SharedMemoryRingWriter.MaxGatheredNotices + 3;
        for (var i = 1; i <= count; i++)
        {
            var batch = BatchOf(100, 1);
            batch.BatchIndex = i;
            Assert.True(await writer.DeliverAsync(batch, ringBytes, CancellationToken.None));
        }

        var read = new List<long>();
        using (var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                while (await bell.ReadAsync(quiet.Token) is { } notice)
                {
                    read.Add(Batch.Parser.ParseFrom(client.Span(notice.Offset, (int)notice.Length)).BatchIndex);
                }
            });
        }
        Assert.Equal(Enumerable.Range(1, SharedMemoryRingWriter.MaxGatheredNotices).Select(i => (long)i), read);

        await writer.EndBatchesAsync(CancellationToken.None);
        while (await bell.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)) is { } notice)
        {
            read.Add(Batch.Parser.ParseFrom(client.Span(notice.Offset, (int)notice.Length)).BatchIndex);
        }
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), read);
    }

    [Fact]
    public async Task Dispose_WithGatheredNotices_SendsThemBeforeTheDoorbellCloses()
    {
        var writer = SharedMemoryRingWriter.Create(_dir, 8192, batchesInRing: true);
        writer.NoticeDelay = TimeSpan.FromHours(1);
        using var bell = SharedMemoryDoorbell.Open(writer.DoorbellPath!);
        Assert.False(await writer.DeliverAsync(BatchOf(100, 1), 8192, CancellationToken.None));
        Assert.True(await writer.DeliverAsync(BatchOf(100, 2), 8192, CancellationToken.None));
        Assert.True(await writer.DeliverAsync(BatchOf(100, 3), 8192, CancellationToken.None));

        writer.Dispose(); // a stream cut short (server stopping): what it delivered is still announced

        Assert.NotNull(await bell.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.NotNull(await bell.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Null(await bell.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task DeliverAsync_ALoneNotice_GoesOutAfterTheDelay()
    {
        using var writer = SharedMemoryRingWriter.Create(_dir, 8192, batchesInRing: true);
        using var bell = SharedMemoryDoorbell.Open(writer.DoorbellPath!);
        Assert.False(await writer.DeliverAsync(BatchOf(100, 1), 8192, CancellationToken.None));
        Assert.True(await writer.DeliverAsync(BatchOf(100, 2), 8192, CancellationToken.None));

        Assert.NotNull(await bell.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Dispose_DeletesTheFile()
    {
        var writer = SharedMemoryRingWriter.Create(_dir, 4096);
        Assert.True(File.Exists(writer.Path));

        writer.Dispose();

        Assert.False(File.Exists(writer.Path));
    }

    [Fact]
    public void Dispose_BatchesInRing_DeletesTheRingAndTheDoorbell()
    {
        var writer = SharedMemoryRingWriter.Create(_dir, 4096, batchesInRing: true);
        Assert.True(File.Exists(writer.DoorbellPath));

        writer.Dispose();

        Assert.False(File.Exists(writer.Path));
        Assert.False(File.Exists(writer.DoorbellPath));
    }

    [Fact]
    public void RemoveStale_DoorbellOfADeadProcess_Deleted()
    {
        var dead = Path.Combine(_dir, $"{SharedMemoryRingWriter.FilePrefix}{int.MaxValue - 1}-abc{SharedMemoryDoorbell.Suffix}");
        SharedMemoryDoorbell.Create(dead).Dispose();

        SharedMemoryRingWriter.RemoveStale(_dir);

        Assert.False(File.Exists(dead));
    }

    [Fact]
    public void RemoveStale_FileOfADeadProcess_DeletedOthersKept()
    {
        var dead = Path.Combine(_dir, $"{SharedMemoryRingWriter.FilePrefix}{int.MaxValue - 1}-abc");
        var mine = Path.Combine(_dir, $"{SharedMemoryRingWriter.FilePrefix}{Environment.ProcessId}-abc");
        var other = Path.Combine(_dir, "unrelated");
        foreach (var f in new[] { dead, mine, other })
        {
            File.WriteAllText(f, "");
        }

        SharedMemoryRingWriter.RemoveStale(_dir);

        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(other));
    }
}
