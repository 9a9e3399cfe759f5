using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>SMOTE (Chawla et al. 2002) and SMOTE-NC: every class row is a seed; neighbours are the k nearest rows
/// of the same class. SMOTE-NC differs only in its distance coordinates and its categorical vote.</summary>
internal static class SmoteSampler
{
    public static List<SyntheticRowGenerator> Plan(SamplerContext ctx, IReadOnlyList<ClassTarget> targets, int[] categoricalColumns, string stream)
    {
        var k = ctx.Options.K;
        var generators = new List<SyntheticRowGenerator>();
        foreach (var (c, count) in targets)
        {
            if (count == 0)
            {
                continue;
            }
            ctx.RequireClassRows(c, k + 1, "k_neighbors", k);
            var rows = ctx.ClassRows[c];
            var neighbors = ctx.Neighbors(rows, rows, k);
            var values = ctx.Values.Gather(rows);
            generators.Add(new InterpolatingGenerator(ctx.Options.Seed, ctx.ClassName(c), c, count, stream, values,
                SeedChooser.Uniform(rows.Length), neighbors, values, 1.0, categoricalColumns));
        }
        return generators;
    }
}
