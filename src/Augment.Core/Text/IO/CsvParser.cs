using System.Text;

namespace Augment.Core.Text.IO;

/// <summary>RFC 4180 field splitting and quoting.</summary>
internal static class CsvParser
{
    /// <summary>True when <paramref name="record"/> ends inside a quoted field (an odd number of quotes).</summary>
    public static bool IsOpen(string record)
    {
        var quotes = 0;
        foreach (var c in record)
        {
            quotes += c == '"' ? 1 : 0;
        }
        return quotes % 2 == 1;
    }

    /// <summary>Splits one complete record into fields; returns an error message or null.</summary>
    public static string? TrySplit(string record, List<string> fields)
    {
        fields.Clear();
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            sb.Clear();
            if (i < record.Length && record[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= record.Length)
                    {
                        return "unterminated quoted field";
                    }
                    if (record[i] == '"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    sb.Append(record[i++]);
                }
                if (i < record.Length && record[i] != ',')
                {
                    return $"unexpected character '{record[i]}' after a closing quote in field {fields.Count + 1}";
                }
            }
            else
            {
                while (i < record.Length && record[i] != ',')
                {
                    sb.Append(record[i++]);
                }
            }
            fields.Add(sb.ToString());
            if (i >= record.Length)
            {
                return null;
            }
            i++;
        }
    }

    /// <summary>Quotes a field when it contains a comma, quote or line break.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
