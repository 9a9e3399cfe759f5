namespace Augment.Service.Hosting;

/// <summary>Limits and worker settings of the service (section <c>Augment:Service</c>).</summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Augment:Service";

    /// <summary>The URL used when none is configured (no --urls, ASPNETCORE_URLS, HTTP_PORTS or Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://127.0.0.1:50051";

    /// <summary>Threads building batches, shared by all streams. Default: processor count.</summary>
    public int MaxWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Workers one stream uses when its request says 0. Default: processor count.</summary>
    public int DefaultStreamWorkers { get; set; } = Environment.ProcessorCount;

    /// <summary>Finished batches a stream may hold ahead of the network writer (backpressure beyond it). 0: 2 x workers.</summary>
    public int QueueDepth { get; set; }

    /// <summary>Largest batch_size accepted.</summary>
    public int MaxBatchSize { get; set; } = 4096;

    /// <summary>Largest tensor payload of one batch, in bytes.</summary>
    public long MaxBatchBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest message the server sends (must exceed <see cref="MaxBatchBytes"/>), in bytes.</summary>
    public int MaxSendMessageBytes { get; set; } = 264 * 1024 * 1024;

    /// <summary>Largest message the server accepts (one AugmentImages request), in bytes.</summary>
    public int MaxReceiveMessageBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Concurrent StreamBatches and AugmentImages calls; more get RESOURCE_EXHAUSTED.</summary>
    public int MaxConcurrentStreams { get; set; } = 32;

    /// <summary>Largest target_width / target_height.</summary>
    public int MaxTargetSide { get; set; } = 8192;

    /// <summary>Checks the values; throws naming the first bad setting.</summary>
    public void Validate()
    {
        static void Positive(long value, string name)
        {
            if (value < 1)
            {
                throw new InvalidOperationException($"{Section}:{name} must be >= 1 (got {value})");
            }
        }
        Positive(MaxWorkers, nameof(MaxWorkers));
        Positive(DefaultStreamWorkers, nameof(DefaultStreamWorkers));
        Positive(MaxBatchSize, nameof(MaxBatchSize));
        Positive(MaxBatchBytes, nameof(MaxBatchBytes));
        Positive(MaxReceiveMessageBytes, nameof(MaxReceiveMessageBytes));
        Positive(MaxConcurrentStreams, nameof(MaxConcurrentStreams));
        Positive(MaxTargetSide, nameof(MaxTargetSide));
        if (QueueDepth < 0)
        {
            throw new InvalidOperationException($"{Section}:{nameof(QueueDepth)} must be >= 0 (got {QueueDepth})");
        }
        if (MaxSendMessageBytes <= MaxBatchBytes)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(MaxSendMessageBytes)} ({MaxSendMessageBytes}) must exceed {nameof(MaxBatchBytes)} ({MaxBatchBytes}) to leave room for labels and boxes");
        }
    }
}
