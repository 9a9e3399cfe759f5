using Augment.Core.Tabular.Sampling;

namespace Augment.Core.Tabular.Samplers;

/// <summary>Edited nearest neighbours (Wilson 1972): a row of a targeted class is kept when all its n nearest
/// rows share its class (kind_sel 'all') or when their most frequent class is its class ('mode', ties to the
/// smallest class as scipy's mode).</summary>
internal static class EditedNearestNeighboursCleaner
{
    public static int[] KeptRows(SamplerContext ctx, IReadOnlyList<ClassTarget> targets)
    {
        var n = ctx.Options.EnnNeighbors;
        ctx.RequireTableRows(n + 1, "n_neighbors", n);
        var keep = Enumerable.Repeat(true, ctx.Data.RowCount).ToArray();
        var y = ctx.Data.Labels;
        foreach (var target in targets)
        {
            var c = target.ClassIndex;
            var rows = ctx.ClassRows[c];
            if (rows.Length == 0)
            {
                continue;
            }
            var neighbors = ctx.Neighbors(null, rows, n);
            var votes = new int[ctx.Data.ClassNames.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                Array.Clear(votes);
                foreach (var j in neighbors.Of(i))
                {
                    votes[y[j]]++;
                }
                keep[rows[i]] = ctx.Options.EnnKindSelection == EnnKindSelection.All
                    ? votes[c] == n
                    : Array.IndexOf(votes, votes.Max()) == c;
            }
        }
        return Enumerable.Range(0, keep.Length).Where(r => keep[r]).ToArray();
    }
}
