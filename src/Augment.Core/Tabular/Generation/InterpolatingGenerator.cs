using System.Runtime.Intrinsics;
using Augment.Core.Randomness;
using Augment.Core.Tabular.Neighbors;

namespace Augment.Core.Tabular.Generation;

/// <summary>The SMOTE step shared by SMOTE, Borderline-SMOTE, ADASYN and SMOTE-NC:
/// <c>x_new = x_seed + u * step * (x_nn - x_seed)</c>, u ~ U[0, 1), x_nn one of the seed's k neighbours chosen
/// uniformly. Categorical columns (SMOTE-NC) take the most frequent value among the k neighbours, ties broken
/// at random. Draw order per row: seed, neighbour, u, then tie-breaks.</summary>
internal sealed class InterpolatingGenerator : SyntheticRowGenerator
{
    private readonly int[] _categorical;
    private readonly NeighborTable _neighbors;
    private readonly FeatureMatrix _neighborData;
    private readonly int[] _numeric;
    private readonly SeedChooser _seeds;
    private readonly FeatureMatrix _seedData;
    private readonly double _step;

    public InterpolatingGenerator(ulong seed, string className, int classIndex, long count, string method,
        FeatureMatrix seedData, SeedChooser seeds, NeighborTable neighbors, FeatureMatrix neighborData, double step,
        int[] categoricalColumns)
        : base(seed, className, classIndex, count, method, seedData.Columns)
    {
        _seedData = seedData;
        _seeds = seeds;
        _neighbors = neighbors;
        _neighborData = neighborData;
        _step = step;
        _categorical = categoricalColumns;
        _numeric = Enumerable.Range(0, seedData.Columns).Except(categoricalColumns).ToArray();
    }

    private protected override void GenerateCore(long j, ref Rng rng, Span<double> row)
    {
        var s = _seeds.Choose(j, ref rng);
        var neighbors = _neighbors.Of(s);
        var n = neighbors[rng.NextInt(neighbors.Length)];
        var u = _step * rng.NextDouble();
        var x = _seedData.Row(s);
        var y = _neighborData.Row(n);
        if (_categorical.Length == 0)
        {
            Interpolate(x, y, u, row);
        }
        else
        {
            foreach (var f in _numeric)
            {
                row[f] = x[f] + u * (y[f] - x[f]);
            }
        }
        foreach (var f in _categorical)
        {
            row[f] = MostFrequent(neighbors, f, ref rng);
        }
    }

    /// <summary><c>row[f] = x[f] + u * (y[f] - x[f])</c> for every column, on vectors: the same three IEEE
    /// operations per element (no fused multiply-add), so the same bits as the scalar loop.</summary>
    internal static void Interpolate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double u, Span<double> row)
    {
        var f = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var scale = Vector256.Create(u);
            for (; f <= row.Length - 4; f += 4)
            {
                var a = Vector256.Create(x.Slice(f, 4));
                var b = Vector256.Create(y.Slice(f, 4));
                (a + scale * (b - a)).CopyTo(row.Slice(f, 4));
            }
        }
        for (; f < row.Length; f++)
        {
            row[f] = x[f] + u * (y[f] - x[f]);
        }
    }

    private double MostFrequent(ReadOnlySpan<int> neighbors, int column, ref Rng rng)
    {
        Span<double> values = stackalloc double[neighbors.Length];
        for (var i = 0; i < neighbors.Length; i++)
        {
            values[i] = _neighborData.Row(neighbors[i])[column];
        }
        values.Sort();
        var best = 0;
        var ties = 0;
        Span<double> winners = stackalloc double[values.Length];
        for (var i = 0; i < values.Length;)
        {
            var end = i;
            while (end < values.Length && values[end] == values[i])
            {
                end++;
            }
            var run = end - i;
            if (run > best)
            {
                best = run;
                ties = 0;
            }
            if (run == best)
            {
                winners[ties++] = values[i];
            }
            i = end;
        }
        return ties == 1 ? winners[0] : winners[rng.NextInt(ties)];
    }
}
