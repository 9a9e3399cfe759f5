using System.Runtime.CompilerServices;
using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Augment.Service.Hosting;
using Augment.Service.Batches;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Augment.Service.Images;

/// <summary>The image side of <c>augment.v1.AugmentService</c>.</summary>
internal sealed class AugmentGrpcService(
    DatasetRegistry registry,
    StreamDatasetCatalog catalog,
    BatchStreamRunner runner,
    SharedMemoryStreams sharedMemory,
    IOptions<ServiceOptions> options,
    WorkerPool pool,
    StreamGate gate,
    IHostApplicationLifetime lifetime,
    ILogger<AugmentGrpcService> logger) : AugmentService.AugmentServiceBase
{
    /// <summary>How long a pending network write may still wait after shutdown starts. A client that keeps reading gets
    /// its batches and the UNAVAILABLE status with the resume position; one that stopped reading has its stream reset with
    /// CANCEL after this grace (<see cref="ShutdownWrites"/>) instead of holding the host for its whole shutdown timeout.</summary>
    internal static readonly TimeSpan ShutdownWriteGrace = TimeSpan.FromSeconds(1);

    private readonly ServiceOptions _options = options.Value;

    /// <inheritdoc />
    public override async Task StreamBatches(StreamBatchesRequest request, IServerStreamWriter<Batch> responseStream, ServerCallContext context)
    {
        using var slot = gate.Enter();
        var plan = runner.Plan(request, context.CancellationToken);
        using var ring = sharedMemory.Open(request, context.GetHttpContext());
        // Builders may build image tensors in the ring (no copy at delivery); RunAsync ends only once every worker has
        // stopped, so nothing writes into the ring after it is unmapped.
        plan.Ring = ring;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var next = (Epoch: request.Start?.Epoch ?? 0, Batch: request.Start?.Batch ?? 0);
        var delivered = false;
        using var writes = new ShutdownWrites(context, lifetime.ApplicationStopping, ShutdownWriteGrace);
        try
        {
            try
            {
                await runner.RunAsync(
                    plan,
                    async batch =>
                    {
                        // Waits (cancellably) while the client has not released enough of the ring: the backpressure.
                        if (ring is not null && await ring.DeliverAsync(batch, sharedMemory.MaxRingBytes, linked.Token).ConfigureAwait(false))
                        {
                            // Delivered through the ring (a record and a doorbell notice), not on the call.
                            next = (batch.Epoch, batch.BatchIndex + 1);
                            delivered = true;
                            runner.Release(batch);
                            return;
                        }
                        // Not the stop token itself: cancelling a gRPC write aborts the HTTP/2 stream, and on shutdown a
                        // reading client must still receive the UNAVAILABLE status with its resume position. A write still
                        // pending ShutdownWriteGrace after the stop signal (a client that stopped reading) is cancelled.
                        await responseStream.WriteAsync(batch, writes.Token).ConfigureAwait(false);
                        next = (batch.Epoch, batch.BatchIndex + 1);
                        delivered = true;
                        // Serialised into the response by now: its buffer goes back to the pool.
                        runner.Release(batch);
                    },
                    linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ring is not null && delivered && ex is not OperationCanceledException && !linked.IsCancellationRequested)
            {
                // The client sees the error once it has taken the batches delivered before it (as a socket client
                // would): after the doorbell's end with batches in the ring. The ring stays until they are released
                // (a client must be able to map it after the first batch however soon the stream fails).
                await ring.EndBatchesAsync(linked.Token).ConfigureAwait(false);
                await ring.DrainAsync(linked.Token).ConfigureAwait(false);
                throw;
            }
            if (ring is not null)
            {
                // The ring file goes when the call ends: keep it until the client has released every batch.
                await ring.EndBatchesAsync(linked.Token).ConfigureAwait(false);
                await ring.DrainAsync(linked.Token).ConfigureAwait(false);
            }
        }

        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable,
                $"the server is shutting down; resume with start = {{ epoch: {next.Epoch}, batch: {next.Batch} }}"));
        }
        catch (InvalidOperationException) when (context.CancellationToken.IsCancellationRequested)
        {
            // A write that raced with the client cancelling its call ("the request is complete"): the normal end of a
            // training loop, not a server failure.
            throw new RpcException(new Status(StatusCode.Cancelled, "the client cancelled the call"));
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            logger.LogError(ex, "StreamBatches failed for dataset {Dataset}", plan.Source.Name);
            throw new RpcException(new Status(StatusCode.Internal, $"batch production failed: {ex.Message}"));
        }
    }

    /// <inheritdoc />
    public override async Task AugmentImages(IAsyncStreamReader<AugmentImagesRequest> requestStream,
        IServerStreamWriter<AugmentImagesResponse> responseStream, ServerCallContext context)
    {
        using var slot = gate.Enter();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var workers = Math.Min(_options.DefaultStreamWorkers, _options.MaxWorkers);
        var limits = DecodeLimits.Default;
        using var writes = new ShutdownWrites(context, lifetime.ApplicationStopping, ShutdownWriteGrace);
        try
        {
            await OrderedPump.RunAsync(
                Items(requestStream, linked.Token),
                (item, ct) => SingleImageAugmenter.Augment(item, limits, ct),
                (response, _) => responseStream.WriteAsync(response, writes.Token),
                workers,
                runner.QueueDepth(workers),
                pool,
                linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the server is shutting down"));
        }
        catch (Exception ex) when (ex is not RpcException and not OperationCanceledException)
        {
            logger.LogError(ex, "AugmentImages failed");
            throw new RpcException(new Status(StatusCode.Internal, $"augmentation failed: {ex.Message}"));
        }
    }

    /// <inheritdoc />
    public override Task<ListDatasetsResponse> ListDatasets(ListDatasetsRequest request, ServerCallContext context)
    {
        var response = new ListDatasetsResponse();
        foreach (var name in registry.Names)
        {
            try
            {
                response.Datasets.Add(DatasetInfoFactory.From(registry.Get(name)));
            }
            catch (DatasetException ex)
            {
                response.Datasets.Add(new DatasetInfo { Name = name, Description = $"unavailable: {ex.Message}" });
            }
        }
        foreach (var name in catalog.Names)
        {
            try
            {
                response.Datasets.Add(catalog.Find(name)!.Describe());
            }
            catch (DatasetException ex)
            {
                response.Datasets.Add(new DatasetInfo { Name = name, Description = $"unavailable: {ex.Message}" });
            }
        }
        response.Roots.Add(registry.RootNames);
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<DatasetInfo> DescribeDataset(DescribeDatasetRequest request, ServerCallContext context)
    {
        if (request.Name.Length == 0 && request.Location is null)
        {
            throw RpcErrors.Invalid("name: give a dataset name or a location");
        }
        return Task.FromResult(RpcErrors.Guard(() => request.Location is null && catalog.Find(request.Name) is { } stream
            ? stream.Describe()
            : DatasetInfoFactory.From(registry.Resolve(request.Name, request.Location))));
    }

    private static async IAsyncEnumerable<ImageRequestItem> Items(IAsyncStreamReader<AugmentImagesRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImagePipeline? pipeline = null;
        Pipeline? spec = null;
        ImageOutput? output = null;
        var position = 0L;
        while (await requests.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var request = requests.Current;
            if (request.Pipeline is not null || request.Output is not null)
            {
                spec = request.Pipeline ?? spec;
                output = request.Output ?? output;
                if (spec is null)
                {
                    throw RpcErrors.Invalid($"pipeline: required in the first message (message {position} sets only output)");
                }
                var current = spec;
                var currentOutput = output;
                pipeline = RpcErrors.Guard(() => PipelineCompiler.Compile(ImageStreamSource.EffectiveSpec(current, currentOutput, 0, 0)),
                    $"messages[{position}].pipeline");
            }
            if (pipeline is null)
            {
                throw RpcErrors.Invalid("pipeline: required in the first message");
            }
            position++;
            yield return new ImageRequestItem(request, pipeline);
        }
    }
}
