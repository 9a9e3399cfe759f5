namespace Augment.Torch.Tuning;

/// <summary>All trials and the best one.</summary>
/// <param name="Trials">Every trial in order.</param>
/// <param name="Best">The best finished trial (null if all failed).</param>
public sealed record TuningResult(IReadOnlyList<TrialResult> Trials, TrialResult? Best);
