using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Service.Hosting;
using Microsoft.Extensions.Options;

namespace Augment.Service.Images;

/// <summary>Plans and runs batch streams on the server's worker pool. The gRPC service writes the batches to the
/// network; in-process callers (the benchmark, embedding hosts) consume them directly, with identical work.</summary>
internal sealed class BatchStreamRunner(DatasetRegistry registry, IOptions<ServiceOptions> options, WorkerPool pool)
{
    private readonly ServiceOptions _options = options.Value;

    /// <summary>Validates the request and resolves its dataset.</summary>
    /// <exception cref="Grpc.Core.RpcException">A status naming the bad field.</exception>
    public BatchStreamPlan Plan(StreamBatchesRequest request) =>
        RpcErrors.Guard(() => BatchStreamPlan.Create(request, registry.Resolve(request.Dataset, request.Location), _options));

    /// <summary>Produces the batches of <paramref name="plan"/> in parallel and hands them to <paramref name="write"/> in order.</summary>
    public Task RunAsync(BatchStreamPlan plan, Func<Batch, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(write);
        var builder = new BatchBuilder(plan, _options.MaxBatchBytes);
        return OrderedPump.RunAsync(plan.Batches().AsAsync(), builder.Build, (batch, _) => write(batch),
            plan.Workers, QueueDepth(plan.Workers), pool, cancellationToken);
    }

    /// <summary>Finished items a call may hold ahead of its writer.</summary>
    public int QueueDepth(int workers) => _options.QueueDepth > 0 ? _options.QueueDepth : 2 * workers;
}
