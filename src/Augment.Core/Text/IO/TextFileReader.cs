using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Augment.Core.Text.IO;

/// <summary>Reads TSV, CSV or JSON Lines text datasets record by record. Bad lines (invalid UTF-8, empty,
/// over-long, malformed) either stop the read with a <see cref="TextInputException"/> naming the file and
/// line, or are skipped and counted in a <see cref="TextReadReport"/>.</summary>
public static class TextFileReader
{
    /// <summary>Streams the records of <paramref name="path"/>.</summary>
    public static async IAsyncEnumerable<TextRecord> ReadAsync(string path, TextReadOptions options, TextReadReport report,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        options.Validate();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"input file {path} does not exist", path);
        }
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var lines = Utf8LineReader.ReadAsync(stream, options.MaxLineBytes, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (lines.ConfigureAwait(false))
        {
            var state = new ParseState(path, options, report);
            while (await lines.MoveNextAsync().ConfigureAwait(false))
            {
                var line = lines.Current;
                TextRecord? record;
                if (options.Format == TextFormat.Csv)
                {
                    record = await state.CsvAsync(line, lines).ConfigureAwait(false);
                }
                else
                {
                    record = state.Simple(line);
                }
                if (record is { } r)
                {
                    report.CountRead();
                    yield return r;
                }
            }
        }
    }

    private sealed class ParseState(string path, TextReadOptions options, TextReadReport report)
    {
        private readonly List<string> _fields = [];
        private long _index;
        private int _textColumn = -1;
        private int _labelColumn = -1;
        private int _columns = -1;

        public TextRecord? Simple(RawLine line)
        {
            var index = _index++;
            if (line.Text is null)
            {
                return Bad(line.Number, line.ErrorKind!, line.ErrorDetail!);
            }
            if (line.Text.Trim().Length == 0)
            {
                return Bad(line.Number, "empty line", "empty line");
            }
            return options.Format == TextFormat.Tsv ? Tsv(index, line) : Jsonl(index, line);
        }

        private TextRecord? Tsv(long index, RawLine line)
        {
            var tab = line.Text!.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                return Bad(line.Number, "malformed", "no tab: expected label<TAB>text");
            }
            var text = line.Text[(tab + 1)..];
            if (text.Trim().Length == 0)
            {
                return Bad(line.Number, "empty text", "empty text after the tab");
            }
            return new TextRecord(index, line.Number, line.Text[..tab], text);
        }

        private TextRecord? Jsonl(long index, RawLine line)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line.Text!);
            }
            catch (JsonException e)
            {
                return Bad(line.Number, "malformed", "invalid JSON: " + e.Message);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return Bad(line.Number, "malformed", "expected a JSON object");
                }
                if (!root.TryGetProperty(options.TextColumn, out var textElement) || textElement.ValueKind != JsonValueKind.String)
                {
                    return Bad(line.Number, "malformed", $"field '{options.TextColumn}' is missing or not a string");
                }
                var text = textElement.GetString()!;
                if (text.Trim().Length == 0)
                {
                    return Bad(line.Number, "empty text", $"field '{options.TextColumn}' is empty");
                }
                if (!root.TryGetProperty(options.LabelColumn, out var label) || label.ValueKind == JsonValueKind.Null)
                {
                    return new TextRecord(index, line.Number, "", text);
                }
                return label.ValueKind switch
                {
                    JsonValueKind.String => new TextRecord(index, line.Number, label.GetString()!, text),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => new TextRecord(index, line.Number, label.GetRawText(), text, true),
                    _ => Bad(line.Number, "malformed", $"field '{options.LabelColumn}' must be a string, number or boolean"),
                };
            }
        }

        public async ValueTask<TextRecord?> CsvAsync(RawLine first, IAsyncEnumerator<RawLine> lines)
        {
            if (first.Text is null)
            {
                if (_columns < 0)
                {
                    throw new TextInputException(path, first.Number, first.ErrorDetail + " in the CSV header");
                }
                _index++;
                return Bad(first.Number, first.ErrorKind!, first.ErrorDetail!);
            }
            var record = first.Text;
            var bytes = first.ByteLength;
            while (CsvParser.IsOpen(record))
            {
                if (!await lines.MoveNextAsync().ConfigureAwait(false))
                {
                    return Header(first.Number) ?? Bad(first.Number, "malformed", "unterminated quoted field at end of file");
                }
                var next = lines.Current;
                bytes += next.ByteLength + 1;
                if (next.Text is null || bytes > options.MaxLineBytes)
                {
                    _index++;
                    return Bad(first.Number, next.ErrorKind ?? "over-long line",
                        next.ErrorDetail is null ? $"record longer than {options.MaxLineBytes} bytes" : $"{next.ErrorDetail} (line {next.Number})");
                }
                record += "\n" + next.Text;
            }
            var error = CsvParser.TrySplit(record, _fields);
            if (_columns < 0)
            {
                if (error is not null)
                {
                    throw new TextInputException(path, first.Number, "CSV header: " + error);
                }
                _columns = _fields.Count;
                _textColumn = _fields.IndexOf(options.TextColumn);
                _labelColumn = _fields.IndexOf(options.LabelColumn);
                if (_textColumn < 0)
                {
                    throw new TextInputException(path, first.Number, $"CSV header has no column '{options.TextColumn}' (columns: {string.Join(", ", _fields)})");
                }
                return null;
            }
            var index = _index++;
            if (record.Trim().Length == 0)
            {
                return Bad(first.Number, "empty line", "empty line");
            }
            if (error is not null)
            {
                return Bad(first.Number, "malformed", error);
            }
            if (_fields.Count != _columns)
            {
                return Bad(first.Number, "malformed", $"{_fields.Count} fields, the header has {_columns}");
            }
            var text = _fields[_textColumn];
            if (text.Trim().Length == 0)
            {
                return Bad(first.Number, "empty text", $"column '{options.TextColumn}' is empty");
            }
            return new TextRecord(index, first.Number, _labelColumn < 0 ? "" : _fields[_labelColumn], text);
        }

        private TextRecord? Header(long line) =>
            _columns < 0 ? throw new TextInputException(path, line, "CSV header: unterminated quoted field") : null;

        private TextRecord? Bad(long line, string kind, string reason)
        {
            if (options.OnError == TextErrorMode.Fail)
            {
                throw new TextInputException(path, line, reason);
            }
            report.CountSkipped(kind, $"{path}:{line}: {reason}");
            return null;
        }
    }

    /// <summary>Text that cannot be written as one TSV field has its tabs and line breaks turned into spaces.</summary>
    internal static string TsvField(string value) =>
        value.AsSpan().IndexOfAny("\t\r\n") < 0 ? value : new StringBuilder(value).Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ').ToString();
}
