using Augment.Service.Hosting;

namespace Augment.Service.Tests.Hosting;

public sealed class OrderedPumpTests
{
    [Fact]
    public async Task RunAsync_ItemsFinishOutOfOrder_AreWrittenInSourceOrder()
    {
        using var pool = new WorkerPool(4);
        var written = new List<int>();
        await OrderedPump.RunAsync(
            Enumerable.Range(0, 40).AsAsync(),
            (i, _) => { Thread.Sleep((40 - i) % 7); return i; },
            (i, _) => { written.Add(i); return Task.CompletedTask; },
            workers: 4, queueDepth: 3, pool, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 40), written);
        Assert.Equal(40, pool.Completed);
    }

    [Fact]
    public async Task RunAsync_WorkFails_ThrowsAfterEarlierItemsAndStopsAllWork()
    {
        using var pool = new WorkerPool(2);
        var written = new List<int>();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => OrderedPump.RunAsync(
            Enumerable.Range(0, 1000).AsAsync(),
            (i, _) => i == 5 ? throw new InvalidOperationException("item 5") : i,
            (i, _) => { written.Add(i); return Task.CompletedTask; },
            workers: 2, queueDepth: 2, pool, CancellationToken.None));
        Assert.Equal("item 5", ex.Message);
        Assert.Equal([0, 1, 2, 3, 4], written);
        Assert.Equal(0, pool.Busy);
        Assert.True(pool.Completed < 20, $"{pool.Completed} items ran");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsOnlyAfterRunningWorkStopped()
    {
        using var pool = new WorkerPool(2);
        using var cts = new CancellationTokenSource();
        var running = 0;
        var task = OrderedPump.RunAsync(
            Enumerable.Range(0, 1_000_000).AsAsync(),
            (i, ct) =>
            {
                Interlocked.Increment(ref running);
                try
                {
                    while (!ct.IsCancellationRequested)
                    {
                        Thread.Sleep(1);
                    }
                    ct.ThrowIfCancellationRequested();
                    return i;
                }
                finally
                {
                    Interlocked.Decrement(ref running);
                }
            },
            (_, _) => Task.CompletedTask,
            workers: 2, queueDepth: 2, pool, cts.Token);
        while (Volatile.Read(ref running) < 2)
        {
            await Task.Delay(5);
        }
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(0, Volatile.Read(ref running));
        Assert.Equal(0, pool.Busy);
    }

    [Fact]
    public async Task RunAsync_SlowWriter_ProducesAtMostQueuePlusWorkersAhead()
    {
        using var pool = new WorkerPool(2);
        var produced = 0;
        var maxAhead = 0;
        var written = 0;
        await OrderedPump.RunAsync(
            Enumerable.Range(0, 30).AsAsync(),
            (i, _) => { Interlocked.Increment(ref produced); return i; },
            async (_, _) =>
            {
                maxAhead = Math.Max(maxAhead, Volatile.Read(ref produced) - written);
                await Task.Delay(5);
                written++;
            },
            workers: 2, queueDepth: 3, pool, CancellationToken.None);
        Assert.Equal(30, written);
        Assert.InRange(maxAhead, 1, 3 + 2 + 1);
    }
}
