namespace Augment.Core.Tabular.Sampling;

/// <summary>One targeted class of a resolved plan. For over-sampling <paramref name="Count"/> is the number of
/// rows to generate; for under-sampling the number of rows to keep; for cleaning only membership matters.</summary>
/// <param name="ClassIndex">Index into the sorted class list.</param>
/// <param name="Count">See the type summary.</param>
public readonly record struct ClassTarget(int ClassIndex, int Count);
