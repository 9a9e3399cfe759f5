using Augment.Core.Randomness;

namespace Augment.Core.Tabular.Generation;

/// <summary>RandomOverSampler: a class row drawn uniformly with replacement; with shrinkage, a smoothed bootstrap
/// adds N(0, scale_f²) noise to each numeric column f (imbalanced-learn's rule:
/// scale_f = shrinkage · (4 / ((d + 2) · n))^(1 / (d + 4)) · std_f, std over the class, n all rows).</summary>
internal sealed class BootstrapGenerator : SyntheticRowGenerator
{
    private readonly FeatureMatrix _classRows;
    private readonly double[]? _scale;

    public BootstrapGenerator(ulong seed, string className, int classIndex, long count, FeatureMatrix classRows, double[]? scale)
        : base(seed, className, classIndex, count, "random-over-sampler", classRows.Columns)
    {
        _classRows = classRows;
        _scale = scale;
    }

    private protected override void GenerateCore(long j, ref Rng rng, Span<double> row)
    {
        _classRows.Row(rng.NextInt(_classRows.Rows)).CopyTo(row);
        if (_scale is null)
        {
            return;
        }
        for (var f = 0; f < row.Length; f++)
        {
            if (_scale[f] != 0)
            {
                row[f] += _scale[f] * rng.NextGaussian();
            }
        }
    }
}
