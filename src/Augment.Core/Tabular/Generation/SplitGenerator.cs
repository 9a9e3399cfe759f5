using Augment.Core.Randomness;

namespace Augment.Core.Tabular.Generation;

/// <summary>Borderline-2: rows below <c>firstCount</c> come from the first generator (same-class neighbours,
/// step 1), the rest from the second (other-class neighbours, step 0.5). Both key row j the same way
/// and are built with the total count.</summary>
internal sealed class SplitGenerator : SyntheticRowGenerator
{
    private readonly SyntheticRowGenerator _first;
    private readonly long _firstCount;
    private readonly SyntheticRowGenerator _second;

    public SplitGenerator(SyntheticRowGenerator first, long firstCount, SyntheticRowGenerator second)
        : base(0, first.ClassName, first.ClassIndex, first.Count, "split", first.Columns)
    {
        _first = first;
        _firstCount = firstCount;
        _second = second;
    }

    private protected override void GenerateCore(long j, ref Rng rng, Span<double> row)
    {
        (j < _firstCount ? _first : _second).Generate(j, row);
    }
}
