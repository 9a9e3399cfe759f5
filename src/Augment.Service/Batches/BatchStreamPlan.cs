using Augment.Contracts.V1;
using Augment.Core.Data;
using Augment.Service.Hosting;

namespace Augment.Service.Batches;

/// <summary>A validated StreamBatches request over a dataset of any kind: the epoch planner (balancing, shuffling),
/// the shard and the sequence of batches from the start position on, plus the kind's batch builder. Every batch is a
/// pure function of the request, so resuming and sharding are exact.</summary>
internal sealed class BatchStreamPlan
{
    private BatchStreamPlan(StreamBatchesRequest request, StreamSource source, EpochPlanner planner, int workers)
    {
        Request = request;
        Source = source;
        Planner = planner;
        Workers = workers;
        ShardCount = Math.Max(1, request.Shard?.Count ?? 0);
        ShardIndex = request.Shard?.Index ?? 0;
        Builder = source.CreateBuilder(this);
    }

    /// <summary>The request.</summary>
    public StreamBatchesRequest Request { get; }

    /// <summary>The dataset's plannable samples and the builder factory.</summary>
    public StreamSource Source { get; }

    /// <summary>The kind's batch builder.</summary>
    public IBatchBuilder Builder { get; }

    /// <summary>The epoch planner (balancing and shuffling).</summary>
    public EpochPlanner Planner { get; }

    /// <summary>Plannable samples (the count that key indices are based on).</summary>
    public int SampleCount => Source.Labels.Count;

    /// <summary>Workers for this stream.</summary>
    public int Workers { get; }

    /// <summary>Number of shards (1: none).</summary>
    public int ShardCount { get; }

    /// <summary>This stream's shard.</summary>
    public int ShardIndex { get; }

    /// <summary>The stream's shared-memory ring, set before the batches are built when the stream has one: builders may
    /// then build large tensors in it (<see cref="SharedMemoryRingWriter.TryLease"/>), which the ring delivers without a
    /// copy. Null for every other stream (the socket path and in-process consumers never see ring memory).</summary>
    public SharedMemoryRingWriter? Ring { get; set; }

    /// <summary>Validates the kind-independent fields of <paramref name="request"/> against <paramref name="options"/>
    /// and plans over <paramref name="source"/>.</summary>
    /// <exception cref="ArgumentException">A field is invalid (message starts with its name).</exception>
    public static BatchStreamPlan Create(StreamBatchesRequest request, StreamSource source, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (request.BatchSize < 1 || request.BatchSize > options.MaxBatchSize)
        {
            throw new ArgumentException($"batch_size: {request.BatchSize} is outside [1, {options.MaxBatchSize}]");
        }
        if (!request.Unbounded && request.HasEpochs && request.Epochs < 1)
        {
            throw new ArgumentException($"epochs: {request.Epochs} must be >= 1 (or set unbounded)");
        }
        if (request.Shard is { } shard && (shard.Count < 0 || shard.Index < 0 || shard.Index >= Math.Max(1, shard.Count)))
        {
            throw new ArgumentException($"shard: index {shard.Index} of count {shard.Count} is invalid (need 0 <= index < count)");
        }
        if (request.Start is { } start && (start.Epoch < 0 || start.Batch < 0))
        {
            throw new ArgumentException($"start: epoch {start.Epoch}, batch {start.Batch} must both be >= 0");
        }
        if (request.Workers < 0)
        {
            throw new ArgumentException($"workers: {request.Workers} must be >= 0");
        }
        var strategy = (request.Balance?.Mode ?? BalanceMode.None) switch
        {
            BalanceMode.None => BalanceStrategy.None,
            BalanceMode.Oversample => BalanceStrategy.Oversample,
            BalanceMode.ClassWeights => BalanceStrategy.ClassWeights,
            var other => throw new ArgumentException($"balance.mode: unknown value {(int)other}"),
        };
        var planner = new EpochPlanner(source.Labels, source.ClassNames.Count, strategy,
            request.Balance?.ClassWeights, request.Seed, !request.HasShuffle || request.Shuffle);
        var workers = Math.Min(request.Workers > 0 ? request.Workers : options.DefaultStreamWorkers, options.MaxWorkers);
        var plan = new BatchStreamPlan(request, source, planner, workers);
        plan.CheckNotEmpty();
        plan.CheckStart();
        return plan;
    }

    private void CheckNotEmpty()
    {
        // Every epoch has the same size, so an epoch without batches means a stream without batches (and an
        // unbounded one would spin forever).
        var shardSamples = Planner.EpochSize > ShardIndex ? (Planner.EpochSize - ShardIndex + ShardCount - 1) / ShardCount : 0;
        var batches = Request.DropLast ? shardSamples / Request.BatchSize : (shardSamples + Request.BatchSize - 1) / Request.BatchSize;
        if (batches == 0)
        {
            throw new ArgumentException(
                $"batch_size: {Request.BatchSize} leaves no batch in an epoch of {shardSamples} samples for shard {ShardIndex} of {ShardCount}" +
                (Request.DropLast ? " with drop_last" : ""));
        }
    }

    private void CheckStart()
    {
        if (Request.Start is not { } start || (!Request.Unbounded && start.Epoch >= (Request.HasEpochs ? Request.Epochs : 1)))
        {
            return;
        }
        var shard = new EpochShard(Planner.Plan(start.Epoch), ShardIndex, ShardCount, Request.BatchSize, Request.DropLast);
        if (start.Batch > shard.BatchCount)
        {
            throw new ArgumentException($"start.batch: {start.Batch} is beyond epoch {start.Epoch}, which has {shard.BatchCount} batches for this shard");
        }
    }

    /// <summary>The batches to send, from the start position on; endless when the request is unbounded.</summary>
    /// <exception cref="ArgumentException">start.batch is beyond its epoch.</exception>
    public IEnumerable<BatchWork> Batches()
    {
        var epochs = Request.Unbounded ? long.MaxValue : (Request.HasEpochs ? Request.Epochs : 1);
        var startEpoch = Request.Start?.Epoch ?? 0;
        var startBatch = Request.Start?.Batch ?? 0;
        var first = true;
        for (var epoch = startEpoch; epoch < epochs; epoch++)
        {
            var shard = new EpochShard(Planner.Plan(epoch), ShardIndex, ShardCount, Request.BatchSize, Request.DropLast);
            var from = 0;
            if (first)
            {
                first = false;
                from = (int)Math.Min(startBatch, shard.BatchCount);
            }
            var info = EpochInfo(epoch, shard);
            for (var b = from; b < shard.BatchCount; b++)
            {
                yield return new BatchWork(epoch, b, shard.Batch(b), b == from ? info : null);
            }
        }
    }

    private EpochInfo EpochInfo(long epoch, EpochShard shard)
    {
        var info = new EpochInfo
        {
            Epoch = epoch,
            SampleCount = Planner.EpochSize,
            ShardSampleCount = shard.SampleCount,
            BatchCount = shard.BatchCount,
        };
        for (var c = 0; c < Source.ClassNames.Count; c++)
        {
            info.ClassCounts.Add(new ClassInfo { Label = c, Name = Source.ClassNames[c], Count = Planner.EffectiveCounts[c] });
        }
        return info;
    }
}
