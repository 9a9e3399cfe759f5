namespace Augment.Torch.Training.Schedules;

/// <summary>One interface for every learning-rate schedule. The trainer reads <see cref="LearningRate"/>
/// before each optimiser step, calls <see cref="StepCompleted"/> after each step and
/// <see cref="EpochCompleted"/> after each epoch (with the monitored validation value).</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate for the next optimiser step (for the base parameter group).</summary>
    double LearningRate { get; }

    /// <summary>Called after every optimiser step.</summary>
    void StepCompleted();

    /// <summary>Called after every epoch with the monitored value (e.g. validation loss); formula
    /// schedules ignore it.</summary>
    void EpochCompleted(double monitored);

    /// <summary>The state to store in a checkpoint.</summary>
    ScheduleState Save();

    /// <summary>Restores a state produced by <see cref="Save"/>.</summary>
    void Restore(ScheduleState state);
}
