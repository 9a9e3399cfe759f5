using Augment.Core.Randomness;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>Random under-sampling without replacement. The rows kept of class c are a pure function of
/// (seed, c); the output keeps the table's row order.</summary>
internal static class RandomUnderSampler
{
    public static int[] KeptRows(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        var keep = new bool[ctx.Data.RowCount];
        var wanted = targets.ToDictionary(t => t.ClassIndex, t => t.Count);
        for (var c = 0; c < ctx.ClassRows.Length; c++)
        {
            var rows = ctx.ClassRows[c];
            if (!wanted.TryGetValue(c, out var count))
            {
                foreach (var r in rows)
                {
                    keep[r] = true;
                }
                continue;
            }
            var order = (int[])rows.Clone();
            var rng = new SampleKey(ctx.Options.Seed, (long)StableHash.Of(ctx.ClassName(c)), -1)
                .For(StableHash.Of("augment.tabular.random-under-sampler"));
            rng.Shuffle(order.AsSpan());
            foreach (var r in order.AsSpan(0, count))
            {
                keep[r] = true;
            }
        }
        return Enumerable.Range(0, keep.Length).Where(r => keep[r]).ToArray();
    }
}
