using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>Tomek links: rows i and j of different classes that are each other's nearest neighbour. Rows of a
/// link whose class is targeted are removed.</summary>
internal static class TomekLinksCleaner
{
    public static int[] KeptRows(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        ctx.RequireTableRows(2, "n_neighbors", 1);
        var targeted = new HashSet<int>(targets.Select(t => t.ClassIndex));
        var all = Enumerable.Range(0, ctx.Data.RowCount).ToArray();
        var nearest = ctx.Neighbors(null, all, 1);
        var y = ctx.Data.Labels;
        return all.Where(i =>
        {
            var j = nearest.Of(i)[0];
            var link = targeted.Contains(y[i]) && y[j] != y[i] && nearest.Of(j)[0] == i;
            return !link;
        }).ToArray();
    }
}
