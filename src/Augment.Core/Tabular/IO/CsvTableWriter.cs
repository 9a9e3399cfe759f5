using System.Globalization;
using System.Text;

namespace Augment.Core.Tabular.IO;

/// <summary>Writes a table as CSV: the source's column order (label in its original place), numbers in
/// shortest round-trip form, fields quoted when needed, and optionally a 0/1 column marking synthetic rows.
/// Rows are formatted into a reused character buffer and written in large chunks.</summary>
internal static class CsvTableWriter
{
    private const int ChunkChars = 1 << 20;

    public static async Task WriteAsync(Stream stream, TabularData data, string? syntheticColumn, char separator, CancellationToken ct)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var order = ColumnOrder(data);
        var names = order.Select(c => c < 0 ? data.LabelName : data.FeatureNames[c]).ToList();
        if (syntheticColumn is not null)
        {
            names.Add(syntheticColumn);
        }
        await writer.WriteLineAsync(string.Join(separator, names.Select(n => Quote(n, separator)))).ConfigureAwait(false);
        // Quoted text of every category and class, formatted once.
        var categories = data.Categories.Select(c => c?.Select(v => Quote(v, separator)).ToArray()).ToArray();
        var classes = data.ClassNames.Select(v => Quote(v, separator)).ToArray();
        var d = data.FeatureCount;
        var buffer = new char[ChunkChars + 64 * 1024];
        var used = 0;
        for (var r = 0; r < data.RowCount; r++)
        {
            for (var i = 0; i < order.Length; i++)
            {
                if (buffer.Length - used < 64)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
                if (i > 0)
                {
                    buffer[used++] = separator;
                }
                var c = order[i];
                var text = c < 0 ? classes[data.Labels[r]] : categories[c]?[(int)data.Features[r * d + c]];
                if (text is not null)
                {
                    used = Append(ref buffer, used, text);
                }
                else
                {
                    int written;
                    while (!data.Features[r * d + c].TryFormat(buffer.AsSpan(used), out written, "R", CultureInfo.InvariantCulture))
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    used += written;
                }
            }
            if (syntheticColumn is not null)
            {
                used = Append(ref buffer, used, data.Synthetic?[r] == true ? ",1" : ",0");
                if (separator != ',')
                {
                    buffer[used - 2] = separator;
                }
            }
            if (buffer.Length - used < 4)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            buffer[used++] = '\n';
            if (used >= ChunkChars)
            {
                await writer.WriteAsync(buffer.AsMemory(0, used), ct).ConfigureAwait(false);
                used = 0;
            }
        }
        await writer.WriteAsync(buffer.AsMemory(0, used), ct).ConfigureAwait(false);
    }

    /// <summary>Feature indices in output order with -1 where the label goes.</summary>
    public static int[] ColumnOrder(TabularData data)
    {
        var order = Enumerable.Range(0, data.FeatureCount).ToList();
        order.Insert(data.LabelPosition, -1);
        return order.ToArray();
    }

    private static int Append(ref char[] buffer, int used, string text)
    {
        if (used + text.Length + 1 > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, used + text.Length + 1024));
        }
        text.CopyTo(buffer.AsSpan(used));
        return used + text.Length;
    }

    private static string Quote(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n') || value.Contains('\r')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}
