namespace Augment.Torch.Training.Schedules;

/// <summary>Linear warm-up then cosine annealing: lr(t) = α₀·(t+1)/W for t &lt; W, then
/// lr(t) = η_min + (α₀ − η_min)·(1 + cos(π·(t − W)/(T − W)))/2, held at η_min for t ≥ T.</summary>
public sealed class CosineWarmupSchedule : FormulaSchedule
{
    /// <summary>Creates the schedule over <paramref name="total"/> clock units with <paramref name="warmup"/> warm-up units.</summary>
    public CosineWarmupSchedule(double initialLearningRate, long total, long warmup = 0, double minLearningRate = 0, ScheduleUnit unit = ScheduleUnit.Step)
        : base(initialLearningRate, unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(total);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        if (warmup >= total)
        {
            throw new ArgumentOutOfRangeException(nameof(warmup), warmup, $"warm-up ({warmup}) must be shorter than the total ({total})");
        }
        if (!(minLearningRate >= 0) || minLearningRate > initialLearningRate)
        {
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "min learning rate must be in [0, initial learning rate]");
        }
        Total = total;
        Warmup = warmup;
        MinLearningRate = minLearningRate;
    }

    /// <summary>T: the clock value at which the cosine reaches η_min.</summary>
    public long Total { get; }

    /// <summary>W: number of warm-up clock units.</summary>
    public long Warmup { get; }

    /// <summary>η_min.</summary>
    public double MinLearningRate { get; }

    /// <inheritdoc />
    public override double At(long t)
    {
        if (t < Warmup)
        {
            return InitialLearningRate * (t + 1) / Warmup;
        }
        if (t >= Total)
        {
            return MinLearningRate;
        }
        var progress = (double)(t - Warmup) / (Total - Warmup);
        return MinLearningRate + (InitialLearningRate - MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
