namespace Augment.Torch.Training.Schedules;

/// <summary>One-cycle policy with cosine annealing, as torch's OneCycleLR (two phases): from
/// max/div_factor up to max over the first pct_start of the steps, then down to
/// max/(div_factor·final_div_factor) at the last step. <see cref="FormulaSchedule.InitialLearningRate"/> is the maximum.</summary>
public sealed class OneCycleSchedule : FormulaSchedule
{
    private readonly double _phase1End;
    private readonly double _phase2End;

    /// <summary>Creates the schedule over <paramref name="totalSteps"/> clock units.</summary>
    public OneCycleSchedule(double maxLearningRate, long totalSteps, double pctStart = 0.3, double divFactor = 25, double finalDivFactor = 1e4, ScheduleUnit unit = ScheduleUnit.Step)
        : base(maxLearningRate, unit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(totalSteps, 2);
        if (!(pctStart > 0 && pctStart < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "pct_start must be in (0, 1)");
        }
        RequirePositive(divFactor, nameof(divFactor));
        RequirePositive(finalDivFactor, nameof(finalDivFactor));
        TotalSteps = totalSteps;
        _phase1End = pctStart * totalSteps - 1;
        _phase2End = totalSteps - 1;
        if (_phase1End <= 0 || _phase1End >= _phase2End)
        {
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, $"pct_start·total_steps - 1 = {_phase1End} must lie in (0, {_phase2End})");
        }
        StartLearningRate = maxLearningRate / divFactor;
        FinalLearningRate = StartLearningRate / finalDivFactor;
    }

    /// <summary>Number of steps of the cycle.</summary>
    public long TotalSteps { get; }

    /// <summary>max / div_factor.</summary>
    public double StartLearningRate { get; }

    /// <summary>start / final_div_factor.</summary>
    public double FinalLearningRate { get; }

    /// <inheritdoc />
    public override double At(long t)
    {
        if (t <= _phase1End)
        {
            return Anneal(StartLearningRate, InitialLearningRate, t / _phase1End);
        }
        var pct = Math.Min(1.0, (t - _phase1End) / (_phase2End - _phase1End));
        return Anneal(InitialLearningRate, FinalLearningRate, pct);
    }

    private static double Anneal(double start, double end, double pct) => end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1);
}
