using Augment.Torch.Training.Metrics;

namespace Augment.Torch.Training.Runs;

/// <summary>The result of a run: training history and the final model's test metrics.</summary>
/// <param name="Training">History, best epoch, early stop.</param>
/// <param name="TestLoss">Test loss of the final model.</param>
/// <param name="Test">Test confusion matrix.</param>
/// <param name="TrainCount">Training samples used.</param>
/// <param name="ValidationCount">Validation samples.</param>
public sealed record RunOutcome(TrainingResult Training, double TestLoss, ConfusionMatrix Test, int TrainCount, int ValidationCount)
{
    /// <summary>Samples per class of the training split the trainer saw (after any resampling).</summary>
    public IReadOnlyList<long> TrainClassCounts { get; init; } = [];

    /// <summary>The input normalisation the run used (null: none; <c>auto</c> resolved to the training split's statistics).</summary>
    public Data.InputNormalization? Normalization { get; init; }

    /// <summary>The final model's description (kind, sample shape, classes, init, padding, normalisation), as
    /// written beside <c>final.model</c>.</summary>
    public required ModelDescription Model { get; init; }
}
