using System.Buffers;
using Augment.Contracts.V1;
using Augment.Service.Batches;

namespace Augment.Service.Tests.Batches;

public sealed class BatchBufferPoolTests
{
    [Fact]
    public void Release_TrackedBatch_GivesItsBufferBackForTheNextRent()
    {
        var pool = new BatchBufferPool(ArrayPool<byte>.Create());
        var batch = new Batch();
        var buffer = pool.Rent(300_000);
        pool.Track(batch, buffer);

        pool.Release(batch);

        Assert.True(buffer.Length >= 300_000);
        Assert.Same(buffer, pool.Rent(300_000));
    }

    [Fact]
    public void Release_Twice_ReturnsTheBufferOnce()
    {
        var pool = new BatchBufferPool(ArrayPool<byte>.Create());
        var batch = new Batch();
        var buffer = pool.Rent(300_000);
        pool.Track(batch, buffer);

        pool.Release(batch);
        pool.Release(batch);

        Assert.Same(buffer, pool.Rent(300_000));
        Assert.NotSame(buffer, pool.Rent(300_000));
    }

    [Fact]
    public void Release_UntrackedBatch_ReturnsNothing()
    {
        var pool = new BatchBufferPool(ArrayPool<byte>.Create());
        var buffer = pool.Rent(300_000);
        pool.Track(new Batch(), buffer);

        pool.Release(new Batch());

        Assert.NotSame(buffer, pool.Rent(300_000));
    }

    [Fact]
    public void Rent_SmallBuffer_IsExactAndNeverPooled()
    {
        var pool = new BatchBufferPool(ArrayPool<byte>.Create());
        var batch = new Batch();
        var buffer = pool.Rent(1000);
        pool.Track(batch, buffer);

        pool.Release(batch);

        Assert.Equal(1000, buffer.Length);
        Assert.NotSame(buffer, pool.Rent(1000));
    }
}
