namespace Augment.Torch.Tuning;

/// <summary>Every point of the space's grid in order.</summary>
public sealed class GridSearch : ISearchStrategy
{
    /// <inheritdoc />
    public Trial? Next(SearchSpace space, IReadOnlyList<TrialResult> history, bool maximize)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        var point = space.Grid().Skip(history.Count).FirstOrDefault();
        return point is null ? null : space.FromValues(history.Count, point);
    }
}
