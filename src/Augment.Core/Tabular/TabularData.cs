namespace Augment.Core.Tabular;

/// <summary>An in-memory table: feature columns (numeric, or categorical stored as codes into each column's
/// sorted category list), one label column, and optionally a flag per row marking synthetic rows.</summary>
public sealed class TabularData
{
    /// <summary>Builds a table and checks its shape.</summary>
    /// <param name="featureNames">Feature column names in file order (the label excluded).</param>
    /// <param name="kinds">Kind of each feature column.</param>
    /// <param name="categories">Sorted category values of each categorical column (null for numeric ones).</param>
    /// <param name="features">Row-major rows x features values; categorical values are category codes.</param>
    /// <param name="labelName">Name of the label column.</param>
    /// <param name="labelPosition">Position of the label column among all columns of the source file.</param>
    /// <param name="classNames">Sorted class names.</param>
    /// <param name="labels">Class index of each row.</param>
    /// <param name="synthetic">Optional flag per row: true for rows made by a sampler.</param>
    public TabularData(IReadOnlyList<string> featureNames, IReadOnlyList<ColumnKind> kinds,
        IReadOnlyList<IReadOnlyList<string>?> categories, double[] features, string labelName, int labelPosition,
        IReadOnlyList<string> classNames, int[] labels, bool[]? synthetic = null)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(classNames);
        ArgumentNullException.ThrowIfNull(labels);
        if (kinds.Count != featureNames.Count || categories.Count != featureNames.Count)
        {
            throw new ArgumentException("one kind and one category list per feature column expected");
        }
        if ((long)labels.Length * featureNames.Count != features.Length)
        {
            throw new ArgumentException($"features hold {features.Length} values, expected {labels.Length} x {featureNames.Count}");
        }
        if (synthetic is not null && synthetic.Length != labels.Length)
        {
            throw new ArgumentException("one synthetic flag per row expected", nameof(synthetic));
        }
        FeatureNames = featureNames;
        Kinds = kinds;
        Categories = categories;
        Features = features;
        LabelName = labelName;
        LabelPosition = Math.Clamp(labelPosition, 0, featureNames.Count);
        ClassNames = classNames;
        Labels = labels;
        Synthetic = synthetic;
    }

    /// <summary>Feature column names in file order (the label excluded).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Kind of each feature column.</summary>
    public IReadOnlyList<ColumnKind> Kinds { get; }

    /// <summary>Sorted category values per categorical column (null for numeric columns).</summary>
    public IReadOnlyList<IReadOnlyList<string>?> Categories { get; }

    /// <summary>Row-major rows x features; categorical values are codes into <see cref="Categories"/>.</summary>
    public double[] Features { get; }

    /// <summary>Name of the label column.</summary>
    public string LabelName { get; }

    /// <summary>Position of the label among all columns when written (0 = first).</summary>
    public int LabelPosition { get; }

    /// <summary>Sorted class names (numerically when every name is an integer, otherwise ordinal).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Class index of each row.</summary>
    public int[] Labels { get; }

    /// <summary>True for rows made by a sampler; null when unknown (input tables).</summary>
    public bool[]? Synthetic { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => Labels.Length;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Rows per class, in class order.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassNames.Count];
        foreach (var label in Labels)
        {
            counts[label]++;
        }
        return counts;
    }

    /// <summary>The same schema with other rows.</summary>
    public TabularData WithRows(double[] features, int[] labels, bool[]? synthetic) =>
        new(FeatureNames, Kinds, Categories, features, LabelName, LabelPosition, ClassNames, labels, synthetic);

    internal FeatureMatrix Matrix => new(Features, RowCount, FeatureCount);

    /// <summary>Sorts class names: numerically when all are integers, otherwise by ordinal string order
    /// (numpy's np.unique order for the same values).</summary>
    public static string[] SortClassNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var distinct = names.Distinct(StringComparer.Ordinal).ToArray();
        var allIntegers = distinct.All(n => long.TryParse(n, System.Globalization.NumberStyles.Integer,
            System.Globalization.CultureInfo.InvariantCulture, out _));
        return allIntegers
            ? distinct.OrderBy(n => long.Parse(n, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : distinct.Order(StringComparer.Ordinal).ToArray();
    }
}
