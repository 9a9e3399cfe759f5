namespace Augment.Core.Tabular.IO;

/// <summary>Reads and writes tables by file extension: <c>.csv</c> (also <c>.tsv</c>, tab-separated) and
/// <c>.parquet</c>. Writes are atomic (temporary file, then rename).</summary>
public static class TableFiles
{
    /// <summary>Reads a table; bad input raises <see cref="TabularException"/> naming file, row/line and column.</summary>
    public static async Task<TabularData> ReadAsync(string path, TableReadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new TabularException($"{path}: file not found");
        }
        return FormatOf(path) switch
        {
            ".parquet" => await ParquetTableReader.ReadAsync(path, options, cancellationToken).ConfigureAwait(false),
            ".tsv" => await Task.Run(() => CsvTableReader.Read(path, options with { Separator = '\t' }, cancellationToken), cancellationToken).ConfigureAwait(false),
            _ => await Task.Run(() => CsvTableReader.Read(path, options, cancellationToken), cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>Writes a table atomically; <paramref name="syntheticColumn"/> adds a column marking synthetic rows.</summary>
    public static Task WriteAsync(string path, TabularData data, string? syntheticColumn = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(data);
        if (syntheticColumn is not null && (data.FeatureNames.Contains(syntheticColumn) || data.LabelName == syntheticColumn))
        {
            throw new TabularException($"{path}: synthetic-marker column '{syntheticColumn}' clashes with an existing column");
        }
        var format = FormatOf(path);
        return AtomicFile.WriteAsync(path, (stream, ct) => format switch
        {
            ".parquet" => ParquetTableWriter.WriteAsync(stream, data, syntheticColumn, ct),
            ".tsv" => CsvTableWriter.WriteAsync(stream, data, syntheticColumn, '\t', ct),
            _ => CsvTableWriter.WriteAsync(stream, data, syntheticColumn, ',', ct),
        }, cancellationToken);
    }

    private static string FormatOf(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext is ".csv" or ".tsv" or ".parquet" or ".txt"
            ? ext
            : throw new TabularException($"{path}: unknown table format '{ext}'; use .csv, .tsv or .parquet");
    }
}
