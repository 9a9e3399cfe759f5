namespace Augment.Torch.Training.Schedules;

/// <summary>A schedule whose learning rate is a pure function lr(t) of a clock that counts either
/// completed epochs or completed steps.</summary>
public abstract class FormulaSchedule : ILearningRateSchedule
{
    private long _steps;
    private long _epochs;

    /// <summary>Creates the schedule.</summary>
    protected FormulaSchedule(double initialLearningRate, ScheduleUnit unit)
    {
        if (!(initialLearningRate > 0) || double.IsInfinity(initialLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLearningRate), initialLearningRate, "initial learning rate must be a positive finite number");
        }
        InitialLearningRate = initialLearningRate;
        Unit = unit;
    }

    /// <summary>α₀, the learning rate at t = 0.</summary>
    public double InitialLearningRate { get; }

    /// <summary>What advances t.</summary>
    public ScheduleUnit Unit { get; }

    /// <summary>The current value of the clock t.</summary>
    public long Clock => Unit == ScheduleUnit.Step ? _steps : _epochs;

    /// <inheritdoc />
    public double LearningRate => At(Clock);

    /// <summary>The learning rate at clock value <paramref name="t"/> (pure).</summary>
    public abstract double At(long t);

    /// <inheritdoc />
    public void StepCompleted() => _steps++;

    /// <inheritdoc />
    public void EpochCompleted(double monitored) => _epochs++;

    /// <inheritdoc />
    public ScheduleState Save() => new(_steps, _epochs, LearningRate, double.NaN, 0, 0);

    /// <inheritdoc />
    public void Restore(ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _steps = state.Steps;
        _epochs = state.Epochs;
    }

    /// <summary>Throws unless <paramref name="value"/> is positive and finite.</summary>
    protected static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number");
        }
    }
}
