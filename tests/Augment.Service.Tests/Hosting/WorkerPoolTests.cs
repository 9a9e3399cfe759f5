using Augment.Service.Hosting;

namespace Augment.Service.Tests.Hosting;

public sealed class WorkerPoolTests
{
    [Fact]
    public async Task RunAsync_WorkOnDedicatedThreads_LeavesThreadPoolThreadsFree()
    {
        using var pool = new WorkerPool(2);
        var names = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => pool.RunAsync(_ => Thread.CurrentThread.Name ?? "", CancellationToken.None)));
        Assert.All(names, n => Assert.StartsWith("augment-worker-", n, StringComparison.Ordinal));
        Assert.Equal(6, pool.Completed);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileQueued_IsCancelledAtOnceAndNeverRuns()
    {
        using var pool = new WorkerPool(1);
        using var release = new ManualResetEventSlim();
        var blocker = pool.RunAsync(_ => release.Wait(TimeSpan.FromSeconds(10)), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var ran = false;
        var queued = pool.RunAsync(_ => ran = true, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        release.Set();
        Assert.True(await blocker);
        await pool.RunAsync(_ => 0, CancellationToken.None);
        Assert.False(ran);
        Assert.Equal(2, pool.Completed);
    }

    [Fact]
    public async Task RunAsync_WorkThrows_FaultsTheTask()
    {
        using var pool = new WorkerPool(1);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => pool.RunAsync<int>(_ => throw new InvalidOperationException("boom"), CancellationToken.None));
        Assert.Equal("boom", ex.Message);
        Assert.Equal(0, pool.Busy);
    }
}
