namespace Augment.Torch.Tuning;

/// <summary>Runs trials proposed by a strategy against an objective.</summary>
public sealed class Tuner(SearchSpace space, ISearchStrategy strategy, bool maximize)
{
    /// <summary>Called after each trial.</summary>
    public event Action<TrialResult>? TrialCompleted;

    /// <summary>Runs up to <paramref name="maxTrials"/> trials. A trial that throws is recorded with NaN
    /// and its message (cancellation is not caught).</summary>
    public async Task<TuningResult> RunAsync(int maxTrials, Func<Trial, CancellationToken, Task<double>> objective, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxTrials);
        ArgumentNullException.ThrowIfNull(objective);
        var history = new List<TrialResult>();
        while (history.Count < maxTrials)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trial = strategy.Next(space, history, maximize);
            if (trial is null)
            {
                break;
            }
            TrialResult result;
            try
            {
                result = new TrialResult(trial, await objective(trial, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                result = new TrialResult(trial, double.NaN, ex.Message);
            }
            history.Add(result);
            TrialCompleted?.Invoke(result);
        }
        var finished = history.Where(h => double.IsFinite(h.Objective)).ToArray();
        var best = finished.Length == 0 ? null : (maximize ? finished.MaxBy(h => h.Objective) : finished.MinBy(h => h.Objective));
        return new TuningResult(history, best);
    }
}
