namespace Augment.Torch.Text.CondBert;

/// <summary>One labelled training or input sentence.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Label">Its label (one of the model's labels).</param>
public sealed record LabeledText(string Text, string Label);
