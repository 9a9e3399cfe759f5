namespace Augment.Torch.Training.Schedules;

/// <summary>Multi-step decay lr(t) = α₀·γ^|{m ∈ milestones : m ≤ t}| (torch MultiStepLR).</summary>
public sealed class MultiStepSchedule : FormulaSchedule
{
    private readonly long[] _milestones;

    /// <summary>Creates the schedule; milestones must be positive and strictly increasing.</summary>
    public MultiStepSchedule(double initialLearningRate, IReadOnlyList<long> milestones, double gamma, ScheduleUnit unit = ScheduleUnit.Epoch)
        : base(initialLearningRate, unit)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        RequirePositive(gamma, nameof(gamma));
        for (var i = 0; i < milestones.Count; i++)
        {
            if (milestones[i] <= 0 || (i > 0 && milestones[i] <= milestones[i - 1]))
            {
                throw new ArgumentException($"milestones[{i}] = {milestones[i]}: milestones must be positive and strictly increasing", nameof(milestones));
            }
        }
        _milestones = [.. milestones];
        Gamma = gamma;
    }

    /// <summary>The clock values at which the rate is multiplied by γ.</summary>
    public IReadOnlyList<long> Milestones => _milestones;

    /// <summary>γ: the factor applied at each milestone.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override double At(long t)
    {
        var passed = 0;
        foreach (var m in _milestones)
        {
            if (m <= t)
            {
                passed++;
            }
        }
        return InitialLearningRate * Math.Pow(Gamma, passed);
    }
}
