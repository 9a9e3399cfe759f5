using System.Threading.Channels;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Training;

namespace Augment.Service.Text.Cbert;

/// <summary>Coalesces concurrent callers of one model into shared inference passes: callers queue their job (a bounded
/// queue: a full queue makes them wait); one dedicated thread takes every job waiting, up to
/// <c>maxRows</c> generated rows (at least one job), and runs them through <see cref="ConditionalBert.AugmentMany"/>.
/// A caller cancelled while queued is dropped before inference. Each job's variants depend only on its own keys.</summary>
internal sealed class CbertBatcher : IDisposable
{
    private readonly ConditionalBert model;
    private readonly int threads;
    private readonly int maxRows;
    private readonly Channel<Pending> queue;
    private readonly Thread worker;
    private int passes;

    public CbertBatcher(ConditionalBert model, int threads, int queueLimit, int maxRows)
    {
        this.model = model;
        this.threads = threads;
        this.maxRows = maxRows;
        queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(queueLimit) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        worker = new Thread(Run) { IsBackground = true, Name = "cbert-batcher" };
        worker.Start();
    }

    /// <summary>Inference passes run so far (each serves one or more jobs).</summary>
    public int Passes => Volatile.Read(ref passes);

    /// <summary>The job's variants (sentence by sentence, variant by variant).</summary>
    public async Task<IReadOnlyList<CbertAugmentation>> RunAsync(CbertJob job, CancellationToken cancellationToken)
    {
        var pending = new Pending(job);
        using var registration = cancellationToken.Register(() => pending.Done.TrySetCanceled(cancellationToken));
        await queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        return await pending.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Stops taking jobs and waits for the current pass.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        worker.Join();
    }

    private void Run()
    {
        var reader = queue.Reader;
        var taken = new List<Pending>();
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            taken.Clear();
            var rows = 0;
            while ((taken.Count == 0 || rows < maxRows) && reader.TryRead(out var next))
            {
                if (next.Done.Task.IsCompleted)
                {
                    continue;
                }

                taken.Add(next);
                rows += next.Job.Inputs.Count * next.Job.Options.NumAug;
            }

            if (taken.Count > 0)
            {
                Infer(taken);
            }
        }
    }

    private void Infer(List<Pending> jobs)
    {
        // libtorch's thread count is process-wide: set it for every pass (another component may have changed it).
        TorchRuntime.SetThreads(threads);
        Interlocked.Increment(ref passes);
        try
        {
            var results = model.AugmentMany([.. jobs.Select(p => p.Job)]);
            for (var i = 0; i < jobs.Count; i++)
            {
                jobs[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (jobs.Count > 1)
        {
            // One bad job must not fail the others: run them one by one so each gets its own error.
            foreach (var job in jobs)
            {
                Infer([job]);
            }
        }
        catch (Exception e)
        {
            jobs[0].Done.TrySetException(e);
        }
    }

    private sealed class Pending(CbertJob job)
    {
        public CbertJob Job { get; } = job;

        public TaskCompletionSource<IReadOnlyList<CbertAugmentation>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
