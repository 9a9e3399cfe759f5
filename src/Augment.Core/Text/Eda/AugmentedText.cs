namespace Augment.Core.Text.Eda;

/// <summary>One output sentence of EDA.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Operation">The operation that produced it (<see cref="EdaOperation.Original"/> for the original).</param>
/// <param name="Variant">The variant number k (0-based) within its sample; -1 for the original.</param>
public readonly record struct AugmentedText(string Text, EdaOperation Operation, int Variant);
