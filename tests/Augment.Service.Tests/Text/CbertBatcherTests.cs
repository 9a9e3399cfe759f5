using Augment.Service.Text.Cbert;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;

namespace Augment.Service.Tests.Text;

public sealed class CbertBatcherTests(CbertServiceFixture fixture) : IClassFixture<CbertServiceFixture>
{
    private static CbertJob Job(ulong seed, int first, int count, double temperature = 1) => new(
        [.. CbertServiceFixture.Records.Skip(first).Take(count)],
        [.. Enumerable.Range(first, count).Select(i => (long)i)],
        new CbertAugmentOptions { NumAug = 2, Seed = seed, Temperature = temperature });

    [Fact]
    public async Task RunAsync_ConcurrentJobs_CoalescedAndSameAsAlone()
    {
        using var model = ConditionalBert.Load(fixture.ModelPath);
        var jobs = Enumerable.Range(0, 8).Select(j => Job((ulong)j, j, 4, temperature: j % 2 == 0 ? 1 : 0.5)).ToArray();
        var alone = jobs.Select(j => model.AugmentKeyed(j.Inputs, j.Keys, j.Options)).ToArray();
        using var batcher = new CbertBatcher(model, threads: 1, queueLimit: 16, maxRows: 1024);
        var tasks = jobs.Select(j => batcher.RunAsync(j, CancellationToken.None)).ToArray();
        var together = await Task.WhenAll(tasks);
        Assert.True(batcher.Passes < jobs.Length, $"{batcher.Passes} passes for {jobs.Length} jobs");
        for (var j = 0; j < jobs.Length; j++)
        {
            Assert.Equal(alone[j], together[j]);
        }
    }

    [Fact]
    public async Task RunAsync_BadJobAmongGood_OnlyItFails()
    {
        using var model = ConditionalBert.Load(fixture.ModelPath);
        using var batcher = new CbertBatcher(model, threads: 1, queueLimit: 16, maxRows: 1024);
        var bad = new CbertJob([new LabeledText("a red apple", "animal")], [0L], new CbertAugmentOptions());
        var tasks = new[] { batcher.RunAsync(Job(1, 0, 3), CancellationToken.None), batcher.RunAsync(bad, CancellationToken.None), batcher.RunAsync(Job(2, 3, 3), CancellationToken.None) };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => tasks[1]);
        Assert.Contains("animal", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, (await tasks[0]).Count);
        Assert.Equal(6, (await tasks[2]).Count);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsWithoutRunning()
    {
        using var model = ConditionalBert.Load(fixture.ModelPath);
        using var batcher = new CbertBatcher(model, threads: 1, queueLimit: 1, maxRows: 1024);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batcher.RunAsync(Job(1, 0, 2), cancelled.Token));
        Assert.Equal(0, batcher.Passes);
        Assert.Equal(4, (await batcher.RunAsync(Job(1, 0, 2), CancellationToken.None)).Count);
    }
}
