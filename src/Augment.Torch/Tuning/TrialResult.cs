namespace Augment.Torch.Tuning;

/// <summary>A finished trial.</summary>
/// <param name="Trial">The point.</param>
/// <param name="Objective">The objective value (NaN if the trial failed).</param>
/// <param name="Error">Failure message, if any.</param>
public sealed record TrialResult(Trial Trial, double Objective, string? Error = null);
