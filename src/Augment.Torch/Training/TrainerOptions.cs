using Augment.Torch.Training.Data;
using Augment.Torch.Training.EarlyStopping;

namespace Augment.Torch.Training;

/// <summary>Training-loop settings.</summary>
public sealed record TrainerOptions
{
    /// <summary>Maximum number of epochs.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seed of shuffles, augmentation and balanced sampling.</summary>
    public ulong Seed { get; init; }

    /// <summary>Parallel sample readers.</summary>
    public int Workers { get; init; } = 1;

    /// <summary>Batches prepared ahead.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Class-balanced sampling (with replacement) instead of a shuffle.</summary>
    public bool BalancedSampling { get; init; }

    /// <summary>Per-class loss weights (null: unweighted).</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <summary>Input normalisation of uint8 images after /255 (null: none); also applied when validating.</summary>
    public InputNormalization? Normalization { get; init; }

    /// <summary>Early stopping (null: off).</summary>
    public EarlyStoppingOptions? EarlyStopping { get; init; }

    /// <summary>Metric fed to reduce-on-plateau and used to pick the best checkpoint.</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary>Direction of <see cref="Monitor"/>.</summary>
    public MonitorMode MonitorMode { get; init; } = MonitorMode.Min;

    /// <summary>Folder for best/last checkpoints (null: none).</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>Resume from the last checkpoint in <see cref="CheckpointDirectory"/> when there is one.</summary>
    public bool Resume { get; init; }

    /// <summary>Stop after this many epochs of this call (simulates an interruption; null: run to the end).</summary>
    public int? StopAfterEpochs { get; init; }

    /// <summary>Throws with the offending field when a setting is out of range.</summary>
    public void Validate()
    {
        if (Epochs <= 0)
        {
            throw new ArgumentException($"epochs = {Epochs} must be > 0");
        }
        if (BatchSize <= 0)
        {
            throw new ArgumentException($"batch_size = {BatchSize} must be > 0");
        }
        if (Workers <= 0 || Prefetch <= 0)
        {
            throw new ArgumentException("workers and prefetch must be > 0");
        }
        if (Resume && CheckpointDirectory is null)
        {
            throw new ArgumentException("resume needs a checkpoint directory");
        }
        EarlyStopping?.Validate();
    }
}
