namespace Augment.Core.Tabular;

/// <summary>A dense row-major matrix of doubles (rows x columns). Never mutated after construction
/// by the samplers; generators read from it concurrently.</summary>
internal sealed class FeatureMatrix
{
    public FeatureMatrix(double[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != data.Length)
        {
            throw new ArgumentException($"data has {data.Length} values, expected {rows} x {columns}", nameof(data));
        }
        Data = data;
        Rows = rows;
        Columns = columns;
    }

    public double[] Data { get; }

    public int Rows { get; }

    public int Columns { get; }

    public ReadOnlySpan<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    /// <summary>A new matrix holding the given rows in the given order.</summary>
    public FeatureMatrix Gather(ReadOnlySpan<int> rows)
    {
        var data = new double[rows.Length * Columns];
        for (var i = 0; i < rows.Length; i++)
        {
            Row(rows[i]).CopyTo(data.AsSpan(i * Columns, Columns));
        }
        return new FeatureMatrix(data, rows.Length, Columns);
    }
}
