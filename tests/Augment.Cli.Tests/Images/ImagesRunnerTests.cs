using Augment.Cli.Commands.Images;
using Augment.Core.Pipelines;

namespace Augment.Cli.Tests.Images;

public sealed class ImagesRunnerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private ImagesJob Job(string output, int workers)
    {
        var sources = SourceScanner.Scan(_dir.Combine("in"), out _);
        return new ImagesJob(sources, output, PipelineCompiler.Compile(SpecJson.Parse(Specs.Random)), 7, 4, workers,
            new OutputNaming(sources, OutputFormat.Png), new ImageFileEncoder(90), Overwrite: false);
    }

    [Fact]
    public async Task RunAsync_CancelledMidway_LeavesOnlyCompleteFilesAndResumeCompletes()
    {
        for (var i = 0; i < 6; i++)
        {
            TestImages.Write(_dir.Combine("in", "a", $"img{i}.png"), variant: i);
        }
        var output = _dir.Combine("out");
        using var cts = new CancellationTokenSource();
        var settled = 0;

        var first = await new ImagesRunner(Job(output, 2)).RunAsync(n =>
        {
            if (Interlocked.Add(ref settled, n) >= 5)
            {
                cts.Cancel();
            }
        }, cts.Token);

        Assert.True(first.Cancelled);
        Assert.InRange(first.Written, 5, 23);
        Assert.Empty(Directory.GetFiles(output, "*" + AtomicFile.TempSuffix, SearchOption.AllDirectories));
        var done = Directory.GetFiles(output, "*.png", SearchOption.AllDirectories);
        Assert.Equal(first.Written, done.Length);
        Assert.All(done, f => Assert.Equal((48, 40), TestImages.SizeOf(f)));

        var second = await new ImagesRunner(Job(output, 1)).RunAsync(_ => { }, CancellationToken.None);

        Assert.False(second.Cancelled);
        Assert.Equal(first.Written, second.Skipped);
        Assert.Equal(24 - first.Written, second.Written);
        Assert.Equal(24, second.Entries.Count);
        var reference = await new ImagesRunner(Job(_dir.Combine("ref"), 2)).RunAsync(_ => { }, CancellationToken.None);
        Assert.Equal(24, reference.Written);
        var expected = TestImages.Snapshot(_dir.Combine("ref"));
        var actual = TestImages.Snapshot(output);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(actual[kv.Key]), kv.Key));
    }

    [Fact]
    public async Task RunAsync_Progress_CountsEveryOutputOnce()
    {
        TestImages.Write(_dir.Combine("in", "x.png"));
        File.WriteAllText(_dir.Combine("in", "y.png"), "not an image");
        var total = 0;

        var result = await new ImagesRunner(Job(_dir.Combine("out"), 2)).RunAsync(n => Interlocked.Add(ref total, n), CancellationToken.None);

        Assert.Equal(8, total);
        Assert.Equal(4, result.Written);
        Assert.Single(result.Failures);
        Assert.Equal("y.png", result.Failures[0].Source);
    }

    [Fact]
    public async Task ExistingOutputs_CancelledResume_ListsEveryOutputOnDisk()
    {
        for (var i = 0; i < 3; i++)
        {
            TestImages.Write(_dir.Combine("in", $"img{i}.png"), variant: i);
        }
        var output = _dir.Combine("out");
        await new ImagesRunner(Job(output, 2)).RunAsync(_ => { }, CancellationToken.None);
        File.Delete(Path.Combine(output, "img1_aug002.png"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var runner = new ImagesRunner(Job(output, 2));

        var result = await runner.RunAsync(_ => { }, cts.Token);
        var existing = runner.ExistingOutputs();

        Assert.True(result.Cancelled);
        Assert.Empty(result.Entries);
        Assert.Equal(11, existing.Count);
        Assert.DoesNotContain(existing, e => e.Source == "img1.png" && e.Copy == 2);
    }
}
