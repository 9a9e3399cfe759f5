using Augment.Core.Randomness;
using Augment.Core.Tabular;

namespace Augment.Core.Tests.Tabular;

/// <summary>Small reproducible tables for the tabular tests.</summary>
internal static class TabularTestData
{
    /// <summary>Numeric table: class c has counts[c] rows drawn from N(centre_c, 1) in d dimensions.</summary>
    public static TabularData Blobs(int[] counts, int d, ulong seed, double separation = 1.5, string[]? names = null)
    {
        var rng = new Rng(seed);
        var rows = counts.Sum();
        var x = new double[rows * d];
        var y = new int[rows];
        var r = 0;
        // Interleave classes so that class rows are not contiguous.
        var remaining = (int[])counts.Clone();
        while (r < rows)
        {
            for (var c = 0; c < counts.Length && r < rows; c++)
            {
                if (remaining[c] == 0)
                {
                    continue;
                }
                remaining[c]--;
                for (var f = 0; f < d; f++)
                {
                    x[r * d + f] = (f == c % d ? separation * c : 0) + rng.NextGaussian();
                }
                y[r] = c;
                r++;
            }
        }
        return Numeric(x, y, d, names ?? counts.Select((_, c) => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    public static TabularData Numeric(double[] x, int[] y, int d, string[] classNames) =>
        new(Enumerable.Range(0, d).Select(f => $"x{f}").ToArray(), Enumerable.Repeat(ColumnKind.Numeric, d).ToArray(),
            new IReadOnlyList<string>?[d], x, "y", d, classNames, y);

    /// <summary>Mixed table: the blobs plus <paramref name="categorical"/> columns whose category depends on the class.</summary>
    public static TabularData Mixed(int[] counts, int numeric, int categorical, int categories, ulong seed)
    {
        var blobs = Blobs(counts, numeric, seed);
        var rng = new Rng(seed ^ 0x5555);
        var d = numeric + categorical;
        var x = new double[blobs.RowCount * d];
        for (var r = 0; r < blobs.RowCount; r++)
        {
            blobs.Features.AsSpan(r * numeric, numeric).CopyTo(x.AsSpan(r * d));
            for (var c = 0; c < categorical; c++)
            {
                x[r * d + numeric + c] = rng.NextDouble() < 0.6 ? (blobs.Labels[r] + c) % categories : rng.NextInt(categories);
            }
        }
        var kinds = Enumerable.Repeat(ColumnKind.Numeric, numeric).Concat(Enumerable.Repeat(ColumnKind.Categorical, categorical)).ToArray();
        var cats = Enumerable.Range(0, d)
            .Select(f => f < numeric ? null : (IReadOnlyList<string>?)Enumerable.Range(0, categories).Select(v => $"v{v}").ToArray()).ToArray();
        return new TabularData(Enumerable.Range(0, d).Select(f => f < numeric ? $"x{f}" : $"c{f - numeric}").ToArray(), kinds, cats, x,
            "y", d, blobs.ClassNames, blobs.Labels);
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var e = a[i] - b[i];
            s = Math.FusedMultiplyAdd(e, e, s);
        }
        return s;
    }

    /// <summary>Brute-force kNN within <paramref name="rows"/>: indices (into rows) of the k nearest of row i, self excluded, ties by index.</summary>
    public static int[] BruteForce(TabularData data, int[] rows, int i, int k)
    {
        var d = data.FeatureCount;
        return Enumerable.Range(0, rows.Length).Where(j => j != i)
            .Select(j => (j, dist: SquaredDistance(data.Features.AsSpan(rows[i] * d, d), data.Features.AsSpan(rows[j] * d, d))))
            .OrderBy(t => t.dist).ThenBy(t => t.j).Take(k).Select(t => t.j).ToArray();
    }
}
