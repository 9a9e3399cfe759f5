using System.Threading.Channels;

namespace Augment.Service.Hosting;

/// <summary>Runs work items on the worker pool, up to a fixed number at once per call, and hands their results
/// to a writer in source order. A bounded channel between the workers and the writer gives backpressure: a slow
/// client stops production after <c>queueDepth</c> finished items. When the call ends (completion, error or
/// cancellation) every started item has stopped before <see cref="RunAsync{TIn,TOut}"/> returns.</summary>
internal static class OrderedPump
{
    /// <summary>Pumps <paramref name="source"/> through <paramref name="work"/> into <paramref name="write"/>.</summary>
    public static async Task RunAsync<TIn, TOut>(
        IAsyncEnumerable<TIn> source,
        Func<TIn, CancellationToken, TOut> work,
        Func<TOut, CancellationToken, Task> write,
        int workers,
        int queueDepth,
        WorkerPool pool,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(queueDepth, 1);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = cts.Token;
        var channel = Channel.CreateBounded<Task<TOut>>(new BoundedChannelOptions(queueDepth)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var inFlight = new SemaphoreSlim(workers, workers);

        async Task<TOut> RunItem(TIn item)
        {
            try
            {
                return await pool.RunAsync(ct => work(item, ct), token).ConfigureAwait(false);
            }
            finally
            {
                inFlight.Release();
            }
        }

        async Task Produce()
        {
            try
            {
                await foreach (var item in source.WithCancellation(token).ConfigureAwait(false))
                {
                    await inFlight.WaitAsync(token).ConfigureAwait(false);
                    var task = RunItem(item);
                    try
                    {
                        await channel.Writer.WriteAsync(task, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        await Settle(task).ConfigureAwait(false);
                        throw;
                    }
                }
            }
            finally
            {
                channel.Writer.TryComplete();
            }
        }

        var producer = Task.Run(Produce, token);
        try
        {
            await foreach (var task in channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                var result = await task.ConfigureAwait(false);
                await write(result, token).ConfigureAwait(false);
            }
            await producer.ConfigureAwait(false);
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await Settle(producer).ConfigureAwait(false);
            while (channel.Reader.TryRead(out var pending))
            {
                await Settle(pending).ConfigureAwait(false);
            }
        }
    }

    private static async Task Settle(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The call already failed or was cancelled; this only waits for the work to stop.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
