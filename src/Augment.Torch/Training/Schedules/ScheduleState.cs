namespace Augment.Torch.Training.Schedules;

/// <summary>Everything a schedule needs to resume exactly where it stopped (saved in checkpoints).</summary>
/// <param name="Steps">Completed optimiser steps.</param>
/// <param name="Epochs">Completed epochs.</param>
/// <param name="LearningRate">The current learning rate (used by stateful schedules).</param>
/// <param name="Best">Best monitored value so far (reduce-on-plateau).</param>
/// <param name="BadEpochs">Epochs without improvement (reduce-on-plateau).</param>
/// <param name="Cooldown">Remaining cooldown epochs (reduce-on-plateau).</param>
public sealed record ScheduleState(long Steps, long Epochs, double LearningRate, double Best, int BadEpochs, int Cooldown);
