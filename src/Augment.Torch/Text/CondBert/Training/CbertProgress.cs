namespace Augment.Torch.Text.CondBert.Training;

/// <summary>Progress of a masked-LM training run, reported after every step.</summary>
/// <param name="Epoch">Current epoch (1-based).</param>
/// <param name="Step">Steps done so far.</param>
/// <param name="TotalSteps">Steps in the whole run.</param>
/// <param name="Loss">Loss of the last step.</param>
public readonly record struct CbertProgress(int Epoch, int Step, int TotalSteps, double Loss);
