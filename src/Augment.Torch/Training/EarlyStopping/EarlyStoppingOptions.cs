namespace Augment.Torch.Training.EarlyStopping;

/// <summary>Early stopping settings, with Keras' semantics (keras.callbacks.EarlyStopping).</summary>
public sealed record EarlyStoppingOptions
{
    /// <summary>Name of the monitored quantity (e.g. "val_loss", "val_accuracy", "val_macro_f1").</summary>
    public string Monitor { get; init; } = "val_loss";

    /// <summary>Direction of improvement.</summary>
    public MonitorMode Mode { get; init; } = MonitorMode.Min;

    /// <summary>Minimum change that counts as an improvement (absolute).</summary>
    public double MinDelta { get; init; }

    /// <summary>Epochs without improvement before stopping (10 by default; the literature suggests 10–20).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>A value the monitored quantity must beat; until it does, the patience counter is not reset.</summary>
    public double? Baseline { get; init; }

    /// <summary>Epochs (0-based index) before which nothing is monitored (warm-up).</summary>
    public int StartFromEpoch { get; init; }

    /// <summary>Restore the weights of the best epoch when stopping.</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>Throws with the offending field when a setting is out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Monitor))
        {
            throw new ArgumentException("early stopping: monitor must name a metric");
        }
        if (!(MinDelta >= 0) || double.IsInfinity(MinDelta))
        {
            throw new ArgumentException($"early stopping: min_delta = {MinDelta} must be a finite number >= 0");
        }
        if (Patience < 0)
        {
            throw new ArgumentException($"early stopping: patience = {Patience} must be >= 0");
        }
        if (StartFromEpoch < 0)
        {
            throw new ArgumentException($"early stopping: start_from_epoch = {StartFromEpoch} must be >= 0");
        }
        if (Baseline is { } b && !double.IsFinite(b))
        {
            throw new ArgumentException($"early stopping: baseline = {b} must be finite");
        }
    }
}
