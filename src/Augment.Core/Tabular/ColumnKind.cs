namespace Augment.Core.Tabular;

/// <summary>Whether a feature column holds numbers or category labels.</summary>
public enum ColumnKind
{
    /// <summary>A finite floating-point number per row.</summary>
    Numeric,
    /// <summary>A category label per row, stored as a code into the column's sorted category list.</summary>
    Categorical,
}
