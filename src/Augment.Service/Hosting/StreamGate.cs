using Grpc.Core;

namespace Augment.Service.Hosting;

/// <summary>Counts concurrent streaming calls and refuses those beyond the limit with RESOURCE_EXHAUSTED.</summary>
internal sealed class StreamGate(int max)
{
    private int _active;

    /// <summary>Calls in progress.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Takes a slot; dispose the result to give it back.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED when the maximum number of calls are running.</exception>
    public IDisposable Enter()
    {
        if (Interlocked.Increment(ref _active) > max)
        {
            Interlocked.Decrement(ref _active);
            throw new RpcException(new Status(StatusCode.ResourceExhausted,
                $"the server is running its maximum of {max} concurrent streams (Augment:Service:MaxConcurrentStreams); retry later"));
        }
        return new Slot(this);
    }

    private sealed class Slot(StreamGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref gate._active);
            }
        }
    }
}
