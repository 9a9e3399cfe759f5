namespace Augment.Torch.Training.EarlyStopping;

/// <summary>The resumable state of <see cref="EarlyStopper"/>.</summary>
/// <param name="Wait">Epochs counted since the last reset.</param>
/// <param name="Best">The best value so far.</param>
/// <param name="BestEpoch">The epoch of <paramref name="Best"/> (-1 when none).</param>
/// <param name="StoppedEpoch">The epoch at which training stopped (-1 while running).</param>
public sealed record EarlyStoppingState(int Wait, double Best, int BestEpoch, int StoppedEpoch);
