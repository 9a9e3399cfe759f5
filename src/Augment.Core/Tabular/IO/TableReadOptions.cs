namespace Augment.Core.Tabular.IO;

/// <summary>How to read a table file.</summary>
public sealed record TableReadOptions
{
    /// <summary>Name of the label column (required).</summary>
    public required string LabelColumn { get; init; }

    /// <summary>Columns to treat as categorical; every other feature column must then be numeric. Null: infer
    /// (a column is numeric when every value parses as a number, otherwise categorical).</summary>
    public IReadOnlyList<string>? CategoricalColumns { get; init; }

    /// <summary>Field separator of CSV files.</summary>
    public char Separator { get; init; } = ',';
}
