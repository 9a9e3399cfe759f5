namespace Augment.Torch.Training.EarlyStopping;

/// <summary>Early stopping as a pure state machine over (epoch, value) observations, with Keras'
/// semantics: an epoch before start_from_epoch is ignored; each monitored epoch increments the wait
/// counter; an improvement (by more than min_delta over the best) records the best epoch and resets the
/// counter only if it also beats the baseline; once wait ≥ patience (and epoch &gt; 0) training stops,
/// restoring the best weights if asked.</summary>
public sealed class EarlyStopper
{
    private int _wait;
    private double _best;
    private int _bestEpoch = -1;
    private int _stoppedEpoch = -1;

    /// <summary>Creates the state machine.</summary>
    public EarlyStopper(EarlyStoppingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _best = options.Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>The settings.</summary>
    public EarlyStoppingOptions Options { get; }

    /// <summary>The best epoch so far (-1 when none).</summary>
    public int BestEpoch => _bestEpoch;

    /// <summary>The best value so far.</summary>
    public double Best => _best;

    /// <summary>The epoch at which training stopped (-1 while running).</summary>
    public int StoppedEpoch => _stoppedEpoch;

    /// <summary>Feeds the monitored value of <paramref name="epoch"/> (0-based) and returns the decision.</summary>
    public EarlyStoppingDecision Observe(int epoch, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        if (_stoppedEpoch >= 0)
        {
            throw new InvalidOperationException($"early stopping: training already stopped at epoch {_stoppedEpoch}");
        }
        if (epoch < Options.StartFromEpoch || double.IsNaN(value))
        {
            return Decision(false, false);
        }
        _wait++;
        if (IsImprovement(value, _best))
        {
            _best = value;
            _bestEpoch = epoch;
            if (Options.Baseline is not { } baseline || IsImprovement(value, baseline))
            {
                _wait = 0;
            }
            return Decision(true, false);
        }
        if (_wait >= Options.Patience && epoch > 0)
        {
            _stoppedEpoch = epoch;
            return Decision(false, true);
        }
        return Decision(false, false);
    }

    /// <summary>Keras' test: value − min_delta &gt; reference (max) or value + min_delta &lt; reference (min).</summary>
    public bool IsImprovement(double value, double reference) => Options.Mode == MonitorMode.Min
        ? value + Options.MinDelta < reference
        : value - Options.MinDelta > reference;

    /// <summary>The resumable state.</summary>
    public EarlyStoppingState Save() => new(_wait, _best, _bestEpoch, _stoppedEpoch);

    /// <summary>Restores a state from <see cref="Save"/>.</summary>
    public void Restore(EarlyStoppingState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _wait = state.Wait;
        _best = state.Best;
        _bestEpoch = state.BestEpoch;
        _stoppedEpoch = state.StoppedEpoch;
    }

    private EarlyStoppingDecision Decision(bool improved, bool stop) =>
        new(improved, stop, stop && Options.RestoreBestWeights && _bestEpoch >= 0, _bestEpoch, _best, _wait);
}
