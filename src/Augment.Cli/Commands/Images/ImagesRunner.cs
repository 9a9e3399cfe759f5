using System.Collections.Concurrent;
using Augment.Core.Imaging;

namespace Augment.Cli.Commands.Images;

/// <summary>Augments every source <see cref="ImagesJob.Copies"/> times in parallel. Each output depends only on
/// (seed, relative path, copy index), is written atomically, and is skipped when it already exists.</summary>
internal sealed class ImagesRunner
{
    private readonly ImagesJob _job;
    private readonly DecodeLimits _limits;

    /// <summary>Creates a runner for <paramref name="job"/>.</summary>
    public ImagesRunner(ImagesJob job, DecodeLimits? limits = null)
    {
        _job = job;
        _limits = limits ?? DecodeLimits.Default;
    }

    /// <summary>Runs the job. <paramref name="advance"/> is called (from worker threads) with the number of outputs
    /// settled (written, skipped or failed). Cancellation stops the run between outputs; no partial file remains.</summary>
    public async Task<ImagesResult> RunAsync(Action<int> advance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(advance);
        var entries = new ConcurrentBag<ManifestEntry>();
        var failures = new ConcurrentBag<FailureRecord>();
        var written = 0;
        var skipped = 0;
        var cancelled = false;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _job.Workers, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(_job.Sources, options, (source, token) =>
            {
                var (w, s) = ProcessSource(source, entries, failures, advance, token);
                Interlocked.Add(ref written, w);
                Interlocked.Add(ref skipped, s);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        return new ImagesResult([.. entries], [.. failures], written, skipped, cancelled);
    }

    private (int Written, int Skipped) ProcessSource(SourceFile source, ConcurrentBag<ManifestEntry> entries,
        ConcurrentBag<FailureRecord> failures, Action<int> advance, CancellationToken token)
    {
        var pending = new List<(int Copy, string Relative, string Full)>();
        var skipped = 0;
        for (var k = 0; k < _job.Copies; k++)
        {
            var rel = _job.Naming.RelativeOutput(source, k);
            var full = Path.Combine(_job.OutputRoot, rel);
            if (!_job.Overwrite && File.Exists(full))
            {
                entries.Add(Entry(source, k, rel));
                skipped++;
            }
            else
            {
                pending.Add((k, rel, full));
            }
        }
        if (skipped > 0)
        {
            advance(skipped);
        }
        if (pending.Count == 0)
        {
            return (0, skipped);
        }
        token.ThrowIfCancellationRequested();
        AugmentSample sample;
        try
        {
            sample = new AugmentSample(ImageDecoder.DecodeFile(source.FullPath, _limits));
        }
        catch (Exception ex) when (ex is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            failures.Add(new FailureRecord(source.RelativePath, ex is ImageDecodeException d ? d.Reason : ex.Message));
            advance(pending.Count);
            return (0, skipped);
        }
        var written = 0;
        foreach (var (k, rel, full) in pending)
        {
            token.ThrowIfCancellationRequested();
            try
            {
                var result = _job.Pipeline.Run(sample, CopyKey.For(_job.Seed, source.RelativePath, k));
                var bytes = _job.Encoder.Encode(result.Image, Path.GetExtension(full));
                AtomicFile.WriteAllBytes(full, bytes, token);
                entries.Add(Entry(source, k, rel));
                written++;
                advance(1);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(new FailureRecord(source.RelativePath, $"copy {k}: {ex.Message}"));
                advance(pending.Count - written);
                return (written, skipped);
            }
        }
        return (written, skipped);
    }

    private ManifestEntry Entry(SourceFile source, int copy, string relativeOutput) =>
        new(source.RelativePath, copy, relativeOutput, _job.Seed, CopyKey.Index(source.RelativePath, copy));
}
