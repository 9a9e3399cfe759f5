namespace Augment.Torch.Training.EarlyStopping;

/// <summary>What the trainer must do after an epoch.</summary>
/// <param name="Improved">The epoch is the new best: snapshot the weights if restoring is on.</param>
/// <param name="Stop">Stop training now.</param>
/// <param name="RestoreBest">Restore the snapshot of <paramref name="BestEpoch"/> (only with <see cref="Stop"/>).</param>
/// <param name="BestEpoch">The best epoch so far (-1 before any monitored epoch).</param>
/// <param name="Best">The best value so far.</param>
/// <param name="Wait">Epochs counted since the last reset.</param>
public sealed record EarlyStoppingDecision(bool Improved, bool Stop, bool RestoreBest, int BestEpoch, double Best, int Wait);
