namespace Augment.Torch.Training.Schedules;

/// <summary>Exponential decay lr(t) = α₀·exp(−k·t). torch's ExponentialLR(gamma) is k = −ln γ.</summary>
public sealed class ExponentialDecaySchedule : FormulaSchedule
{
    /// <summary>Creates the schedule with decay rate <paramref name="k"/> ≥ 0.</summary>
    public ExponentialDecaySchedule(double initialLearningRate, double k, ScheduleUnit unit = ScheduleUnit.Epoch)
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
    public override double At(long t) => InitialLearningRate * Math.Exp(-K * t);
}
