namespace Augment.Torch.Training.Schedules;

/// <summary>A schedule by name and parameters (what the CLI and the tuner describe). Kinds: constant,
/// exponential, inverse-time, step, multistep, cosine, onecycle, plateau.</summary>
public sealed record ScheduleOptions
{
    /// <summary>The kind.</summary>
    public string Kind { get; init; } = "constant";

    /// <summary>Decay rate k (exponential, inverse-time).</summary>
    public double DecayRate { get; init; } = 0.1;

    /// <summary>γ (step, multistep).</summary>
    public double Gamma { get; init; } = 0.5;

    /// <summary>Step size s (step).</summary>
    public int StepSize { get; init; } = 5;

    /// <summary>Milestones (multistep).</summary>
    public IReadOnlyList<long> Milestones { get; init; } = [];

    /// <summary>Warm-up epochs (cosine; converted to steps when per-step).</summary>
    public int WarmupEpochs { get; init; }

    /// <summary>η_min (cosine), min_lr (plateau).</summary>
    public double MinLearningRate { get; init; }

    /// <summary>Factor (plateau).</summary>
    public double Factor { get; init; } = 0.1;

    /// <summary>Patience (plateau).</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Threshold (plateau).</summary>
    public double Threshold { get; init; } = 1e-4;

    /// <summary>Relative or absolute threshold (plateau).</summary>
    public ThresholdMode ThresholdMode { get; init; } = ThresholdMode.Relative;

    /// <summary>Cooldown (plateau).</summary>
    public int Cooldown { get; init; }

    /// <summary>torch or Keras counting (plateau).</summary>
    public PlateauSemantics Semantics { get; init; } = PlateauSemantics.Torch;

    /// <summary>Step the formula schedules per optimiser step instead of per epoch (cosine and one-cycle
    /// are always per step).</summary>
    public bool PerStep { get; init; }

    /// <summary>The schedule for a run of <paramref name="epochs"/> epochs of <paramref name="stepsPerEpoch"/> steps.</summary>
    public ILearningRateSchedule Create(double learningRate, int epochs, int stepsPerEpoch, MonitorMode monitorMode)
    {
        var unit = PerStep ? ScheduleUnit.Step : ScheduleUnit.Epoch;
        var perUnit = PerStep ? stepsPerEpoch : 1;
        return Kind.ToLowerInvariant() switch
        {
            "constant" => new ConstantSchedule(learningRate),
            "exponential" => new ExponentialDecaySchedule(learningRate, DecayRate, unit),
            "inverse-time" or "inverse_time" => new InverseTimeDecaySchedule(learningRate, DecayRate, unit),
            "step" => new StepDecaySchedule(learningRate, StepSize * perUnit, Gamma, unit),
            "multistep" or "multi-step" => new MultiStepSchedule(learningRate, [.. Milestones.Select(m => m * perUnit)], Gamma, unit),
            "cosine" => new CosineWarmupSchedule(learningRate, (long)epochs * stepsPerEpoch, (long)WarmupEpochs * stepsPerEpoch, MinLearningRate, ScheduleUnit.Step),
            "onecycle" or "one-cycle" => new OneCycleSchedule(learningRate, (long)epochs * stepsPerEpoch),
            "plateau" => new ReduceOnPlateauSchedule(learningRate, monitorMode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinLearningRate, Semantics),
            _ => throw new ArgumentException($"--schedule: unknown schedule '{Kind}' (expected constant, exponential, inverse-time, step, multistep, cosine, onecycle or plateau)"),
        };
    }
}
