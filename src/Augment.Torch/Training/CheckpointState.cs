using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Training;

/// <summary>The JSON side of a checkpoint (weights and optimiser state sit beside it).</summary>
/// <param name="NextEpoch">First epoch still to run.</param>
/// <param name="Schedule">Schedule state.</param>
/// <param name="EarlyStopping">Early-stopping state (null when off).</param>
/// <param name="BestEpoch">Epoch of the best monitored value.</param>
/// <param name="BestValue">Best monitored value.</param>
/// <param name="History">Metrics of the epochs run.</param>
public sealed record CheckpointState(long NextEpoch, ScheduleState Schedule, EarlyStoppingState? EarlyStopping, int BestEpoch, double BestValue, IReadOnlyList<EpochMetrics> History);
