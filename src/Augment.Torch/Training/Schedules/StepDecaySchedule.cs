namespace Augment.Torch.Training.Schedules;

/// <summary>Step decay lr(t) = α₀·γ^⌊t / s⌋ (torch StepLR): e.g. γ = 0.5, s = 5 halves every 5 epochs.</summary>
public sealed class StepDecaySchedule : FormulaSchedule
{
    /// <summary>Creates the schedule.</summary>
    public StepDecaySchedule(double initialLearningRate, int stepSize, double gamma, ScheduleUnit unit = ScheduleUnit.Epoch)
        : base(initialLearningRate, unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        RequirePositive(gamma, nameof(gamma));
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>s: the clock interval between decays.</summary>
    public int StepSize { get; }

    /// <summary>γ: the factor applied at each decay.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double At(long t) => InitialLearningRate * Math.Pow(Gamma, t / StepSize);
}
