namespace Augment.Torch.Text.CondBert.Training;

/// <summary>What a training run did.</summary>
/// <param name="EpochLosses">Mean masked-LM loss of each epoch.</param>
/// <param name="Steps">Optimiser steps taken.</param>
/// <param name="Sentences">Sentences used (after dropping ones with no word pieces).</param>
public sealed record CbertTrainingReport(IReadOnlyList<double> EpochLosses, int Steps, int Sentences);
