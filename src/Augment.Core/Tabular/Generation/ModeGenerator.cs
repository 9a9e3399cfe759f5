using Augment.Core.Randomness;
using Augment.Core.Tabular.Neighbors;

namespace Augment.Core.Tabular.Generation;

/// <summary>SMOTE-N: a seed row drawn uniformly; every column takes the most frequent category among the seed
/// and its k neighbours (ties: the smallest category, as scipy's mode in imbalanced-learn).</summary>
internal sealed class ModeGenerator : SyntheticRowGenerator
{
    private readonly FeatureMatrix _classRows;
    private readonly NeighborTable _neighbors;

    public ModeGenerator(ulong seed, string className, int classIndex, long count, FeatureMatrix classRows, NeighborTable neighbors)
        : base(seed, className, classIndex, count, "smoten", classRows.Columns)
    {
        _classRows = classRows;
        _neighbors = neighbors;
    }

    private protected override void GenerateCore(long j, ref Rng rng, Span<double> row)
    {
        var s = rng.NextInt(_classRows.Rows);
        var neighbors = _neighbors.Of(s);
        Span<double> values = stackalloc double[neighbors.Length + 1];
        for (var f = 0; f < row.Length; f++)
        {
            values[0] = _classRows.Row(s)[f];
            for (var i = 0; i < neighbors.Length; i++)
            {
                values[i + 1] = _classRows.Row(neighbors[i])[f];
            }
            values.Sort();
            var best = values[0];
            var bestRun = 0;
            for (var i = 0; i < values.Length;)
            {
                var end = i;
                while (end < values.Length && values[end] == values[i])
                {
                    end++;
                }
                if (end - i > bestRun)
                {
                    bestRun = end - i;
                    best = values[i];
                }
                i = end;
            }
            row[f] = best;
        }
    }
}
