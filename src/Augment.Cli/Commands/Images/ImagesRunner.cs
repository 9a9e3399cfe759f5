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
        var state = new RunState(advance);
        var cancelled = false;
        var options = new ParallelOptions { MaxDegreeOfParallelism = _job.Workers, CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(_job.Sources, options, (source, token) =>
            {
                ProcessSource(source, state, token);
                return ValueTask.CompletedTask;
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
        }
        return new ImagesResult([.. state.Entries], [.. state.Failures], state.Written, state.Skipped, cancelled);
    }

    /// <summary>Manifest entries for every (source, copy) whose output file exists now, whichever run wrote it.</summary>
    public IReadOnlyList<ManifestEntry> ExistingOutputs()
    {
        var entries = new List<ManifestEntry>();
        foreach (var source in _job.Sources)
        {
            for (var k = 0; k < _job.Copies; k++)
            {
                var rel = _job.Naming.RelativeOutput(source, k);
                if (File.Exists(Path.Combine(_job.OutputRoot, rel)))
                {
                    entries.Add(Entry(source, k, rel));
                }
            }
        }
        return entries;
    }

    private void ProcessSource(SourceFile source, RunState state, CancellationToken token)
    {
        var pending = new List<(int Copy, string Relative, string Full)>();
        for (var k = 0; k < _job.Copies; k++)
        {
            var rel = _job.Naming.RelativeOutput(source, k);
            var full = Path.Combine(_job.OutputRoot, rel);
            if (!_job.Overwrite && File.Exists(full))
            {
                state.Done(Entry(source, k, rel), skipped: true);
            }
            else
            {
                pending.Add((k, rel, full));
            }
        }
        if (pending.Count == 0)
        {
            return;
        }
        token.ThrowIfCancellationRequested();
        AugmentSample sample;
        try
        {
            sample = new AugmentSample(ImageDecoder.DecodeFile(source.FullPath, _limits));
        }
        catch (Exception ex) when (ex is ImageDecodeException or IOException or UnauthorizedAccessException)
        {
            state.Failed(new FailureRecord(source.RelativePath, ex is ImageDecodeException d ? d.Reason : ex.Message), pending.Count);
            return;
        }
        for (var i = 0; i < pending.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            var (k, rel, full) = pending[i];
            try
            {
                var result = _job.Pipeline.Run(sample, CopyKey.For(_job.Seed, source.RelativePath, k));
                var bytes = _job.Encoder.Encode(result.Image, Path.GetExtension(full));
                AtomicFile.WriteAllBytes(full, bytes, token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                state.Failed(new FailureRecord(source.RelativePath, $"copy {k}: {ex.Message}"), pending.Count - i);
                return;
            }
            state.Done(Entry(source, k, rel), skipped: false);
        }
    }

    /// <summary>Thread-safe tallies of one run.</summary>
    private sealed class RunState(Action<int> advance)
    {
        private int _written;
        private int _skipped;

        public ConcurrentBag<ManifestEntry> Entries { get; } = [];

        public ConcurrentBag<FailureRecord> Failures { get; } = [];

        public int Written => Volatile.Read(ref _written);

        public int Skipped => Volatile.Read(ref _skipped);

        public void Done(ManifestEntry entry, bool skipped)
        {
            Entries.Add(entry);
            Interlocked.Increment(ref skipped ? ref _skipped : ref _written);
            advance(1);
        }

        public void Failed(FailureRecord failure, int outputs)
        {
            Failures.Add(failure);
            advance(outputs);
        }
    }

    private ManifestEntry Entry(SourceFile source, int copy, string relativeOutput) =>
        new(source.RelativePath, copy, relativeOutput, _job.Seed, CopyKey.Index(source.RelativePath, copy));
}
