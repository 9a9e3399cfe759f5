using Augment.Core.Randomness;
using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>Borderline-SMOTE (Han et al. 2005) as imbalanced-learn 0.10: a class row is "in danger" when, among
/// its m nearest rows of the whole table, the other-class count n satisfies m/2 ≤ n &lt; m. Only danger rows seed.
/// A class without danger rows gets no synthetic rows (as in imbalanced-learn).</summary>
internal static class BorderlineSmoteSampler
{
    public static List<SyntheticRowGenerator> Plan(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        var k = ctx.Options.K;
        var m = ctx.Options.MNeighbors;
        var generators = new List<SyntheticRowGenerator>();
        foreach (var (c, count) in targets)
        {
            if (count == 0)
            {
                continue;
            }
            var rows = ctx.ClassRows[c];
            var danger = DangerRows(ctx, c, m);
            if (danger.Length == 0)
            {
                continue;
            }
            ctx.RequireClassRows(c, k + 1, "k_neighbors", k);
            var dangerValues = ctx.Values.Gather(danger);
            var classValues = ctx.Values.Gather(rows);
            var sameClass = ctx.Neighbors(rows, danger, k);
            var seed = ctx.Options.Seed;
            var name = ctx.ClassName(c);
            var first = new InterpolatingGenerator(seed, name, c, count, "borderline-smote", dangerValues,
                SeedChooser.Uniform(danger.Length), sameClass, classValues, 1.0, []);
            if (ctx.Options.BorderlineKind == BorderlineKind.Borderline1)
            {
                generators.Add(first);
                continue;
            }
            var others = Enumerable.Range(0, ctx.Data.RowCount).Where(r => ctx.Data.Labels[r] != c).ToArray();
            if (others.Length < k)
            {
                throw new TabularException(
                    $"class '{name}': borderline-2 needs at least k_neighbors={k} rows of other classes; the table has {others.Length}");
            }
            var otherClass = ctx.Neighbors(others, danger, k);
            var second = new InterpolatingGenerator(seed, name, c, count, "borderline-smote-2", dangerValues,
                SeedChooser.Uniform(danger.Length), otherClass, ctx.Values.Gather(others), 0.5, []);
            var fraction = Beta10x10(seed, name);
            generators.Add(new SplitGenerator(first, (long)(fraction * count), second));
        }
        return generators;
    }

    /// <summary>Class rows (table indices) whose m-neighbourhood in the whole table is "danger".</summary>
    public static int[] DangerRows(SamplerContext ctx, int c, int m)
    {
        ctx.RequireTableRows(m + 1, "m_neighbors", m);
        var rows = ctx.ClassRows[c];
        var neighbors = ctx.Neighbors(null, rows, m);
        var danger = new List<int>();
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
            if (other >= m / 2.0 && other < m)
            {
                danger.Add(rows[i]);
            }
        }
        return danger.ToArray();
    }

    /// <summary>The share of same-class rows in borderline-2, drawn from Beta(10, 10) as in imbalanced-learn
    /// (the 10th smallest of 19 uniforms), keyed by (seed, class, -1).</summary>
    private static double Beta10x10(ulong seed, string className)
    {
        var rng = new SampleKey(seed, (long)StableHash.Of(className), -1).For(StableHash.Of("augment.tabular.borderline-fraction"));
        Span<double> u = stackalloc double[19];
        for (var i = 0; i < u.Length; i++)
        {
            u[i] = rng.NextDouble();
        }
        u.Sort();
        return u[9];
    }
}
