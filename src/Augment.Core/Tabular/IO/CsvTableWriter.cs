using System.Text;

namespace Augment.Core.Tabular.IO;

/// <summary>Writes a table as CSV: the source's column order (label in its original place), numbers in
/// shortest round-trip form, fields quoted when needed, and optionally a 0/1 column marking synthetic rows.</summary>
internal static class CsvTableWriter
{
    public static async Task WriteAsync(Stream stream, TabularData data, string? syntheticColumn, char separator, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var names = ColumnOrder(data).Select(c => c < 0 ? data.LabelName : data.FeatureNames[c]).ToList();
        if (syntheticColumn is not null)
        {
            names.Add(syntheticColumn);
        }
        await writer.WriteLineAsync(string.Join(separator, names.Select(n => Quote(n, separator)))).ConfigureAwait(false);
        var order = ColumnOrder(data);
        var d = data.FeatureCount;
        var line = new StringBuilder();
        for (var r = 0; r < data.RowCount; r++)
        {
            line.Clear();
            for (var i = 0; i < order.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(separator);
                }
                var c = order[i];
                if (c < 0)
                {
                    line.Append(Quote(data.ClassNames[data.Labels[r]], separator));
                }
                else if (data.Categories[c] is { } categories)
                {
                    line.Append(Quote(categories[(int)data.Features[r * d + c]], separator));
                }
                else
                {
                    line.Append(NumberText.Format(data.Features[r * d + c]));
                }
            }
            if (syntheticColumn is not null)
            {
                line.Append(separator).Append(data.Synthetic?[r] == true ? '1' : '0');
            }
            line.Append('\n');
            await writer.WriteAsync(line, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Feature indices in output order with -1 where the label goes.</summary>
    public static int[] ColumnOrder(TabularData data)
    {
        var order = Enumerable.Range(0, data.FeatureCount).ToList();
        order.Insert(data.LabelPosition, -1);
        return order.ToArray();
    }

    private static string Quote(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
