namespace Augment.Torch.Training.Schedules;

/// <summary>A constant learning rate lr(t) = α₀.</summary>
public sealed class ConstantSchedule(double initialLearningRate) : FormulaSchedule(initialLearningRate, ScheduleUnit.Epoch)
{
    /// <inheritdoc />
    public override double At(long t) => InitialLearningRate;
}
