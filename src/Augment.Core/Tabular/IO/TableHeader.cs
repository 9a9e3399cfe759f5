namespace Augment.Core.Tabular.IO;

/// <summary>The columns of a file resolved against the read options: the label's position and the feature
/// columns with their declared kinds (null when to be inferred).</summary>
internal sealed class TableHeader
{
    private TableHeader(string[] names, int labelIndex, int[] featureIndices, ColumnKind?[] declared)
    {
        Names = names;
        LabelIndex = labelIndex;
        FeatureIndices = featureIndices;
        Declared = declared;
    }

    public string[] Names { get; }

    public int LabelIndex { get; }

    /// <summary>File column of each feature, in file order.</summary>
    public int[] FeatureIndices { get; }

    /// <summary>Declared kind of each feature (null: infer).</summary>
    public ColumnKind?[] Declared { get; }

    public string[] FeatureNames => FeatureIndices.Select(i => Names[i]).ToArray();

    public static TableHeader Resolve(string file, IReadOnlyList<string> names, TableReadOptions options)
    {
        if (names.Count == 0)
        {
            throw new TabularException($"{file}: no header row (the file is empty)");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw new TabularException($"{file}: column {i + 1} of the header has an empty name");
            }
            if (!seen.Add(names[i]))
            {
                throw new TabularException($"{file}: column '{names[i]}' appears twice in the header");
            }
        }
        var label = names.ToList().IndexOf(options.LabelColumn);
        if (label < 0)
        {
            throw new TabularException(
                $"{file}: label column '{options.LabelColumn}' not found; the columns are: {string.Join(", ", names)}");
        }
        var features = Enumerable.Range(0, names.Count).Where(i => i != label).ToArray();
        var declared = new ColumnKind?[features.Length];
        if (options.CategoricalColumns is { } categorical)
        {
            foreach (var c in categorical)
            {
                if (c == options.LabelColumn)
                {
                    throw new TabularException($"{file}: '{c}' is the label column; it cannot also be a categorical feature");
                }
                if (!seen.Contains(c))
                {
                    throw new TabularException(
                        $"{file}: categorical column '{c}' not found; the columns are: {string.Join(", ", names)}");
                }
            }
            for (var f = 0; f < features.Length; f++)
            {
                declared[f] = categorical.Contains(names[features[f]], StringComparer.Ordinal) ? ColumnKind.Categorical : ColumnKind.Numeric;
            }
        }
        return new TableHeader(names.ToArray(), label, features, declared);
    }
}
