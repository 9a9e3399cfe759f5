namespace Augment.Torch.Training.Schedules;

/// <summary>Inverse-time decay lr(t) = α₀ / (1 + k·t) (Keras InverseTimeDecay with decay_steps = 1).</summary>
public sealed class InverseTimeDecaySchedule : FormulaSchedule
{
    /// <summary>Creates the schedule with decay rate <paramref name="k"/> ≥ 0.</summary>
    public InverseTimeDecaySchedule(double initialLearningRate, double k, ScheduleUnit unit = ScheduleUnit.Epoch)
        : base(initialLearningRate, unit)
    {
        if (!(k >= 0) || double.IsInfinity(k))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "decay rate k must be a non-negative finite number");
        }
        K = k;
    }

    /// <summary>The decay rate k.</summary>
    public double K { get; }

    /// <inheritdoc />
    public override double At(long t) => InitialLearningRate / (1.0 + K * t);
}
