namespace Augment.Torch.Training.Schedules;

/// <summary>Reduce-on-plateau: multiply the rate by <see cref="Factor"/> when the monitored value has not
/// improved for <see cref="Patience"/> epochs, never below <see cref="MinLearningRate"/>, then wait
/// <see cref="Cooldown"/> epochs. Counting follows torch or Keras (<see cref="Semantics"/>).</summary>
public sealed class ReduceOnPlateauSchedule : ILearningRateSchedule
{
    private const double Eps = 1e-8;
    private double _lr;
    private double _best;
    private int _bad;
    private int _cooldownLeft;
    private long _steps;
    private long _epochs;

    /// <summary>Creates the schedule (defaults are torch's: factor 0.1, patience 10, threshold 1e-4 relative).</summary>
    public ReduceOnPlateauSchedule(
        double initialLearningRate,
        MonitorMode mode = MonitorMode.Min,
        double factor = 0.1,
        int patience = 10,
        double threshold = 1e-4,
        ThresholdMode thresholdMode = ThresholdMode.Relative,
        int cooldown = 0,
        double minLearningRate = 0,
        PlateauSemantics semantics = PlateauSemantics.Torch)
    {
        if (!(initialLearningRate > 0) || double.IsInfinity(initialLearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(initialLearningRate), initialLearningRate, "initial learning rate must be a positive finite number");
        }
        if (!(factor > 0 && factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "factor must be in (0, 1)");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be >= 0");
        }
        if (!(minLearningRate >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "min learning rate must be >= 0");
        }
        _lr = initialLearningRate;
        Mode = mode;
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinLearningRate = minLearningRate;
        Semantics = semantics;
        _best = mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>Direction of improvement.</summary>
    public MonitorMode Mode { get; }

    /// <summary>Multiplier applied at each reduction.</summary>
    public double Factor { get; }

    /// <summary>Bad epochs tolerated.</summary>
    public int Patience { get; }

    /// <summary>Improvement threshold.</summary>
    public double Threshold { get; }

    /// <summary>Relative or absolute threshold.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Epochs to wait after a reduction before counting again.</summary>
    public int Cooldown { get; }

    /// <summary>Lower bound of the rate.</summary>
    public double MinLearningRate { get; }

    /// <summary>torch or Keras counting.</summary>
    public PlateauSemantics Semantics { get; }

    /// <summary>The best value seen so far.</summary>
    public double Best => _best;

    /// <inheritdoc />
    public double LearningRate => _lr;

    /// <inheritdoc />
    public void StepCompleted() => _steps++;

    /// <inheritdoc />
    public void EpochCompleted(double monitored)
    {
        _epochs++;
        if (double.IsNaN(monitored))
        {
            throw new ArgumentException("reduce-on-plateau: the monitored value is NaN", nameof(monitored));
        }
        if (Semantics == PlateauSemantics.Torch)
        {
            StepTorch(monitored);
        }
        else
        {
            StepKeras(monitored);
        }
    }

    /// <summary>True when <paramref name="value"/> improves on the best value by more than the threshold.</summary>
    public bool IsBetter(double value)
    {
        if (double.IsInfinity(_best))
        {
            return Mode == MonitorMode.Min ? value < _best : value > _best;
        }
        return (Mode, ThresholdMode) switch
        {
            (MonitorMode.Min, ThresholdMode.Relative) => value < _best * (1 - Threshold),
            (MonitorMode.Min, ThresholdMode.Absolute) => value < _best - Threshold,
            (MonitorMode.Max, ThresholdMode.Relative) => value > _best * (1 + Threshold),
            _ => value > _best + Threshold,
        };
    }

    private void StepTorch(double value)
    {
        if (IsBetter(value))
        {
            _best = value;
            _bad = 0;
        }
        else
        {
            _bad++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _bad = 0;
        }
        if (_bad > Patience)
        {
            Reduce();
            _cooldownLeft = Cooldown;
            _bad = 0;
        }
    }

    private void StepKeras(double value)
    {
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _bad = 0;
        }
        if (IsBetter(value))
        {
            _best = value;
            _bad = 0;
        }
        else if (_cooldownLeft == 0)
        {
            _bad++;
            if (_bad >= Patience)
            {
                Reduce();
                _cooldownLeft = Cooldown;
                _bad = 0;
            }
        }
    }

    private void Reduce()
    {
        var next = Math.Max(_lr * Factor, MinLearningRate);
        if (_lr - next > Eps)
        {
            _lr = next;
        }
    }

    /// <inheritdoc />
    public ScheduleState Save() => new(_steps, _epochs, _lr, _best, _bad, _cooldownLeft);

    /// <inheritdoc />
    public void Restore(ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _steps = state.Steps;
        _epochs = state.Epochs;
        _lr = state.LearningRate;
        _best = state.Best;
        _bad = state.BadEpochs;
        _cooldownLeft = state.Cooldown;
    }
}
