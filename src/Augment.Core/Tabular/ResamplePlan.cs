using Augment.Core.Tabular.Generation;

namespace Augment.Core.Tabular;

/// <summary>The outcome of planning a resample: which original rows stay and, per class, a generator whose row j
/// can be made on demand. <see cref="Materialize"/> builds the whole output table; a stream can instead call
/// the generators row by row.</summary>
public sealed class ResamplePlan
{
    private readonly Func<TabularData, CancellationToken, TabularData>? _cleaning;

    internal ResamplePlan(TabularData source, int[] keptRows, IReadOnlyList<SyntheticRowGenerator> generators,
        Func<TabularData, CancellationToken, TabularData>? cleaning)
    {
        Source = source;
        KeptRows = keptRows;
        Generators = generators;
        _cleaning = cleaning;
    }

    /// <summary>The input table.</summary>
    public TabularData Source { get; }

    /// <summary>Original rows in the output, in output order.</summary>
    public IReadOnlyList<int> KeptRows { get; }

    /// <summary>One generator per class that receives synthetic rows, in class order.</summary>
    public IReadOnlyList<SyntheticRowGenerator> Generators { get; }

    /// <summary>True when a cleaning pass runs after generation (SMOTE-Tomek, SMOTE-ENN): that pass needs the
    /// whole table, so only <see cref="Materialize"/> applies it.</summary>
    public bool HasCleaningStep => _cleaning is not null;

    /// <summary>Synthetic rows before any cleaning.</summary>
    public long SyntheticCount => Generators.Sum(g => g.Count);

    /// <summary>Builds the output table: kept rows, then each generator's rows in order, then cleaning if any.
    /// The bytes never depend on <paramref name="maxDegreeOfParallelism"/>.</summary>
    public TabularData Materialize(int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default)
    {
        var d = Source.FeatureCount;
        var total = KeptRows.Count + SyntheticCount;
        if (total * Math.Max(1, d) > Array.MaxLength)
        {
            throw new TabularException($"the output would have {total} rows x {d} columns: too large for one table");
        }
        var rows = (int)total;
        var features = new double[rows * d];
        var labels = new int[rows];
        var synthetic = new bool[rows];
        var x = Source.Features;
        for (var i = 0; i < KeptRows.Count; i++)
        {
            var r = KeptRows[i];
            Array.Copy(x, (long)r * d, features, (long)i * d, d);
            labels[i] = Source.Labels[r];
        }
        var offset = KeptRows.Count;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? -1 : maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };
        const int chunk = 4096;
        foreach (var generator in Generators)
        {
            var start = offset;
            var count = (int)generator.Count;
            Parallel.For(0, (count + chunk - 1) / chunk, options, b =>
            {
                var end = Math.Min(count, (b + 1) * chunk);
                for (var j = b * chunk; j < end; j++)
                {
                    generator.Generate(j, features.AsSpan((start + j) * d, d));
                    labels[start + j] = generator.ClassIndex;
                    synthetic[start + j] = true;
                }
            });
            offset += count;
        }
        var result = Source.WithRows(features, labels, synthetic);
        return _cleaning is null ? result : _cleaning(result, cancellationToken);
    }
}
