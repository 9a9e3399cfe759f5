namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>One independent augmentation call for <see cref="ConditionalBert.AugmentMany"/>: input i is keyed as
/// sentence <paramref name="Keys"/>[i] with <paramref name="Options"/>' seed, exactly as
/// <see cref="ConditionalBert.AugmentKeyed"/> keys it.</summary>
/// <param name="Inputs">The labelled sentences.</param>
/// <param name="Keys">One sample key per input.</param>
/// <param name="Options">The options (seed, variants, masking and sampling).</param>
public sealed record CbertJob(IReadOnlyList<LabeledText> Inputs, IReadOnlyList<long> Keys, CbertAugmentOptions Options);
