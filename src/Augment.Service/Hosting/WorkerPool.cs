using System.Collections.Concurrent;

namespace Augment.Service.Hosting;

/// <summary>The server-wide pool of threads that build batches, shared by all streams in FIFO order. The threads are
/// dedicated (not thread-pool threads), so CPU-bound augmentation never starves the thread pool that Kestrel and
/// gRPC need for network I/O.</summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly BlockingCollection<Action> _queue = new();
    private int _busy;
    private long _completed;

    /// <summary>Starts <paramref name="size"/> background threads.</summary>
    public WorkerPool(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
        for (var i = 0; i < size; i++)
        {
            new Thread(Loop) { IsBackground = true, Name = $"augment-worker-{i}" }.Start();
        }
    }

    /// <summary>Number of threads.</summary>
    public int Size { get; }

    /// <summary>Threads running work now.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Work items run to the end since start (diagnostics and tests).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Queues <paramref name="work"/>. Cancelling <paramref name="cancellationToken"/> before the work starts
    /// cancels the returned task at once; once started, the task ends when the work returns or throws (the work
    /// should observe the token).</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var tcs = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var state = 0; // 0 queued, 1 started, -1 cancelled before start
        var registration = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref state, -1, 0) == 0)
            {
                tcs.TrySetCanceled(cancellationToken);
            }
        });
        _queue.Add(() =>
        {
            registration.Dispose();
            if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
            {
                return;
            }
            Interlocked.Increment(ref _busy);
            T result = default!;
            Exception? error = null;
            try
            {
                result = work(cancellationToken);
            }
#pragma warning disable CA1031 // Every failure goes to the awaiting caller.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = ex;
            }
            // Counters first, so that a caller resumed by the task sees this work as finished.
            Interlocked.Decrement(ref _busy);
            Interlocked.Increment(ref _completed);
            if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                tcs.TrySetCanceled(cancellationToken);
            }
            else if (error is not null)
            {
                tcs.TrySetException(error);
            }
            else
            {
                tcs.TrySetResult(result);
            }
        });
        return tcs.Task;
    }

    /// <summary>Stops accepting work; the threads end once the queue is empty.</summary>
    public void Dispose() => _queue.CompleteAdding();

    private void Loop()
    {
        foreach (var action in _queue.GetConsumingEnumerable())
        {
            action();
        }
    }
}
