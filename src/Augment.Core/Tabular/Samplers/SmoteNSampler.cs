using Augment.Core.Tabular.Generation;
using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>SMOTE-N: neighbours under the value difference metric (see <see cref="DistanceSpace.Vdm"/>), each new
/// row the per-column mode of a random seed row and its k neighbours.</summary>
internal static class SmoteNSampler
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
            ctx.RequireClassRows(c, k + 1, "k_neighbors", k);
            var rows = ctx.ClassRows[c];
            generators.Add(new ModeGenerator(ctx.Options.Seed, ctx.ClassName(c), c, count, ctx.Values.Gather(rows),
                ctx.Neighbors(rows, rows, k)));
        }
        return generators;
    }
}
