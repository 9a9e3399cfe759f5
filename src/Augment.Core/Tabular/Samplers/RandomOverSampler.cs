using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>Random over-sampling: a bootstrap of each targeted class, optionally smoothed (numeric columns only;
/// categorical columns are copied).</summary>
internal static class RandomOverSampler
{
    public static List<SyntheticRowGenerator> Plan(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        var generators = new List<SyntheticRowGenerator>();
        var d = ctx.Data.FeatureCount;
        foreach (var (c, count) in targets)
        {
            if (count == 0)
            {
                continue;
            }
            var rows = ctx.ClassRows[c];
            double[]? scale = null;
            if (ctx.Options.Shrinkage is { } shrinkage)
            {
                var smoothing = Math.Pow(4.0 / ((d + 2) * (double)ctx.Data.RowCount), 1.0 / (d + 4));
                scale = new double[d];
                for (var f = 0; f < d; f++)
                {
                    scale[f] = ctx.Data.Kinds[f] == ColumnKind.Numeric
                        ? shrinkage * smoothing * DistanceSpace.Std(ctx.Values, rows, f)
                        : 0;
                }
            }
            generators.Add(new BootstrapGenerator(ctx.Options.Seed, ctx.ClassName(c), c, count, ctx.Values.Gather(rows), scale));
        }
        return generators;
    }
}
