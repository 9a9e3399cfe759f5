using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>ADASYN (He et al. 2008) as imbalanced-learn 0.10: row i of the class gets
/// rint(r_i / Σr · n) synthetic rows, r_i the share of other-class rows among its k nearest rows of the whole
/// table; so the total can differ slightly from the plan, exactly as in imbalanced-learn.</summary>
internal static class AdasynSampler
{
    public static List<SyntheticRowGenerator> Plan(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        var k = ctx.Options.K;
        var generators = new List<SyntheticRowGenerator>();
        foreach (var (c, count) in targets)
        {
            if (count == 0)
            {
                continue;
            }
            var perRow = RowsPerSeed(ctx, c, count);
            ctx.RequireClassRows(c, k + 1, "n_neighbors", k);
            var rows = ctx.ClassRows[c];
            var values = ctx.Values.Gather(rows);
            var chooser = SeedChooser.Allocated(perRow);
            generators.Add(new InterpolatingGenerator(ctx.Options.Seed, ctx.ClassName(c), c, chooser.Total!.Value, "adasyn",
                values, chooser, ctx.Neighbors(rows, rows, k), values, 1.0, []));
        }
        return generators;
    }

    /// <summary>Synthetic rows per class row: np.rint(ratio / Σratio · n), ratio = other-class neighbours / k.</summary>
    public static int[] RowsPerSeed(SamplerContext ctx, int c, int count)
    {
        var k = ctx.Options.K;
        ctx.RequireTableRows(k + 1, "n_neighbors", k);
        var rows = ctx.ClassRows[c];
        var neighbors = ctx.Neighbors(null, rows, k);
        var ratio = new double[rows.Length];
        var sum = 0.0;
        for (var i = 0; i < rows.Length; i++)
        {
            var other = 0;
            foreach (var n in neighbors.Of(i))
            {
                if (ctx.Data.Labels[n] != c)
                {
                    other++;
                }
            }
            ratio[i] = other / (double)k;
            sum += ratio[i];
        }
        if (sum == 0)
        {
            throw new TabularException(
                $"class '{ctx.ClassName(c)}': Not any neigbours belong to the majority class. This case will induce a NaN case with a division by zero. ADASYN is not suited for this specific dataset. Use SMOTE instead.");
        }
        var perRow = new int[rows.Length];
        long total = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            perRow[i] = (int)Math.Round(ratio[i] / sum * count, MidpointRounding.ToEven);
            total += perRow[i];
        }
        if (total == 0)
        {
            throw new TabularException($"class '{ctx.ClassName(c)}': No samples will be generated with the provided ratio settings.");
        }
        return perRow;
    }
}
