namespace Augment.Torch.Tuning;

/// <summary>Proposes the next trial from the finished ones (null: the strategy is exhausted).</summary>
public interface ISearchStrategy
{
    /// <summary>The next point to evaluate.</summary>
    Trial? Next(SearchSpace space, IReadOnlyList<TrialResult> history, bool maximize);
}
