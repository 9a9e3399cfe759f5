namespace Augment.Service.Hosting;

/// <summary>The server-wide limit on threads building batches. Streams take a slot per batch (or image) they build.</summary>
internal sealed class WorkerPool
{
    private readonly SemaphoreSlim _slots;
    private int _busy;
    private long _completed;

    /// <summary>Creates a pool of <paramref name="size"/> slots.</summary>
    public WorkerPool(int size)
    {
        Size = size;
        _slots = new SemaphoreSlim(size, size);
    }

    /// <summary>Number of slots.</summary>
    public int Size { get; }

    /// <summary>Slots in use now.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Work items finished since start (diagnostics and tests).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Runs <paramref name="work"/> on a thread-pool thread once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _busy);
        try
        {
            return await Task.Run(() => work(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _busy);
            Interlocked.Increment(ref _completed);
            _slots.Release();
        }
    }
}
