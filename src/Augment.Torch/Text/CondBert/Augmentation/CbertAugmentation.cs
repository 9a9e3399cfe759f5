namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>One generated sentence.</summary>
/// <param name="SourceIndex">Index of the input sentence it was made from.</param>
/// <param name="Variant">Which of the <see cref="CbertAugmentOptions.NumAug"/> variants (0-based).</param>
/// <param name="Text">The rewritten sentence.</param>
/// <param name="Label">The label it was conditioned on (the input's label).</param>
/// <param name="Replaced">Words replaced.</param>
public sealed record CbertAugmentation(int SourceIndex, int Variant, string Text, string Label, int Replaced);
