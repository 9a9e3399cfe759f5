using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Service.Hosting;
using Augment.Service.Images;
using Microsoft.Extensions.Options;

namespace Augment.Service.Batches;

/// <summary>Plans and runs batch streams on the server's worker pool, for image, text and tabular datasets alike
/// (one planner, one shard and resume logic, one ordered pump; only the batch builder differs). The gRPC service
/// writes the batches to the network; in-process callers (the benchmark, embedding hosts) consume them directly.</summary>
internal sealed class BatchStreamRunner(DatasetRegistry registry, StreamDatasetCatalog catalog, IOptions<ServiceOptions> options, WorkerPool pool,
    Text.Cbert.CbertModelRegistry cbertModels, BatchBufferPool buffers)
{
    private readonly ServiceOptions _options = options.Value;

    /// <summary>Validates the request and resolves its dataset.</summary>
    /// <exception cref="Grpc.Core.RpcException">A status naming the bad field.</exception>
    public BatchStreamPlan Plan(StreamBatchesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RpcErrors.Guard(() => BatchStreamPlan.Create(request, Source(request, cancellationToken), _options));
    }

    private StreamSource Source(StreamBatchesRequest request, CancellationToken cancellationToken)
    {
        var named = request.Location is null || (request.Location.Root.Length == 0 && request.Location.Path.Length == 0);
        var stream = named && request.Dataset.Length > 0 ? catalog.Find(request.Dataset) : null;
        return stream switch
        {
            TextStreamDataset text => TextStreamSource.Create(request, text, _options, cbertModels),
            TabularStreamDataset table => TabularStreamSource.Create(request, table, _options, cancellationToken),
            null => ImageStreamSource.Create(request, registry.Resolve(request.Dataset, request.Location), _options, buffers),
            _ => throw new ArgumentException($"dataset: \"{request.Dataset}\" has an unsupported kind {stream.Kind}"),
        };
    }

    /// <summary>Produces the batches of <paramref name="plan"/> in parallel and hands them to <paramref name="write"/> in order.</summary>
    public Task RunAsync(BatchStreamPlan plan, Func<Batch, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(write);
        return OrderedPump.RunAsync(plan.Batches().AsAsync(), plan.Builder.Build, (batch, _) => write(batch),
            plan.Workers, QueueDepth(plan.Workers), pool, cancellationToken);
    }

    /// <summary>Returns <paramref name="batch"/>'s pooled buffers once it has been written to the network (the batch must
    /// not be used afterwards). Batches that in-process callers keep are never released and are simply collected.</summary>
    public void Release(Batch batch) => buffers.Release(batch);

    /// <summary>Finished items a call may hold ahead of its writer.</summary>
    public int QueueDepth(int workers) => _options.QueueDepth > 0 ? _options.QueueDepth : 2 * workers;
}
