using System.Runtime.InteropServices;
using Augment.Core.Randomness;
using Augment.Core.Tabular;
using Augment.Core.Tabular.IO;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Training.Runs;

/// <summary>Tabular datasets (CSV/TSV/Parquet through Core's table reader) as float32 sample sources for the MLP,
/// and rebalancing of a training split with Core's tabular samplers (SMOTE and friends).</summary>
public static class TabularSource
{
    private static readonly ulong TestSplitStream = StableHash.Of("augment.trainer.tabular-test-split");

    /// <summary>True when <paramref name="dataset"/> names a table file (.csv, .tsv, .parquet).</summary>
    public static bool IsTableFile(string dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var ext = Path.GetExtension(dataset).ToLowerInvariant();
        return ext is ".csv" or ".tsv" or ".parquet" && File.Exists(dataset);
    }

    /// <summary>Reads a table with numeric feature columns and splits off <paramref name="testFraction"/> of the rows
    /// (a keyed shuffle of <paramref name="seed"/>) as the test set. Features become float32 samples of shape [columns].</summary>
    public static (ArraySampleSource Train, ArraySampleSource Test) Load(string path, string labelColumn, ulong seed, double testFraction = 0.2)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentException($"test fraction {testFraction} must be in (0, 1)");
        }
        var table = TableFiles.ReadAsync(path, new TableReadOptions { LabelColumn = labelColumn }).GetAwaiter().GetResult();
        for (var c = 0; c < table.FeatureCount; c++)
        {
            if (table.Kinds[c] != ColumnKind.Numeric)
            {
                throw new InvalidDataException($"{path}: column '{table.FeatureNames[c]}' is categorical; the MLP trainer needs numeric feature columns");
            }
        }
        if (table.ClassNames.Count < 2)
        {
            throw new InvalidDataException($"{path}: label column '{labelColumn}' has {table.ClassNames.Count} class(es); at least 2 are needed");
        }
        var all = FromTable(table);
        var order = Enumerable.Range(0, all.Count).ToArray();
        new SampleKey(seed, 0, -5).For(TestSplitStream).Shuffle(order.AsSpan());
        var testCount = Math.Max(1, (int)Math.Round(all.Count * testFraction));
        if (testCount >= all.Count)
        {
            throw new InvalidDataException($"{path}: {all.Count} rows are too few to split off a test set");
        }
        return (all.Subset(order[testCount..]), all.Subset(order[..testCount]));
    }

    /// <summary>Rebalances <paramref name="train"/> (float32 samples of shape [columns]) with
    /// <see cref="TabularResampler"/>; the result holds the kept rows followed by the synthetic ones.</summary>
    public static ArraySampleSource Resample(ArraySampleSource train, ResampleOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        if (train.ElementType != SampleElementType.Float32 || train.SampleShape.Count != 1)
        {
            throw new ArgumentException("--smote/--tabular-method apply to tabular datasets (.csv, .tsv, .parquet) only");
        }
        var d = train.SampleShape[0];
        var features = new double[(long)train.Count * d];
        var labels = new int[train.Count];
        var row = new byte[d * sizeof(float)];
        for (var i = 0; i < train.Count; i++)
        {
            train.Read(i, default, row);
            var values = MemoryMarshal.Cast<byte, float>(row);
            for (var j = 0; j < d; j++)
            {
                features[(long)i * d + j] = values[j];
            }
            labels[i] = train.Label(i);
        }
        var names = Enumerable.Range(0, d).Select(j => $"f{j}").ToArray();
        var table = new TabularData(names, Enumerable.Repeat(ColumnKind.Numeric, d).ToArray(), new IReadOnlyList<string>?[d],
            features, "label", d, Enumerable.Range(0, train.ClassCount).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(), labels);
        var resampled = TabularResampler.Resample(table, options, cancellationToken);
        return FromTable(resampled).WithAugmentation(train.Transform);
    }

    private static ArraySampleSource FromTable(TabularData table)
    {
        var d = table.FeatureCount;
        var floats = new float[table.Features.Length];
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = (float)table.Features[i];
        }
        var bytes = MemoryMarshal.AsBytes(floats.AsSpan()).ToArray();
        return new ArraySampleSource(bytes, (int[])table.Labels.Clone(), [d], SampleElementType.Float32, table.ClassNames.Count);
    }
}
