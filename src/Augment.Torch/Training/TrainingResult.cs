namespace Augment.Torch.Training;

/// <summary>The outcome of a training run.</summary>
/// <param name="History">Metrics of every epoch run so far (including resumed ones).</param>
/// <param name="BestEpoch">Epoch with the best monitored value (-1 when none).</param>
/// <param name="StoppedEarlyAt">Epoch at which early stopping fired (-1 when it did not).</param>
/// <param name="RestoredBest">The best weights were restored at the end.</param>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> History, int BestEpoch, int StoppedEarlyAt, bool RestoredBest);
