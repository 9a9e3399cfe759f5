namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>One row of a sampling pass: the model input with [MASK]s in place, the label, which input positions to
/// fill, whether each starts a word (else it continues one: "##" pieces only) and the row's sampling seed.</summary>
internal sealed record MaskPlan(int[] Input, int Label, int[] Positions, bool[] Continuation, ulong SampleSeed);
