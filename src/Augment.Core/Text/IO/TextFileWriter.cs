using System.Text.Encodings.Web;
using System.Text.Json;

namespace Augment.Core.Text.IO;

/// <summary>Writes a text dataset to a temporary file beside the target and renames it into place on
/// <see cref="CommitAsync"/>; disposing without committing deletes the temporary file, so a failed run
/// never leaves a half-written output.</summary>
public sealed class TextFileWriter : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _tempPath;
    private readonly TextFormat _format;
    private readonly string _textColumn;
    private readonly string _labelColumn;
    private readonly StreamWriter _writer;
    private bool _committed;

    private TextFileWriter(string path, TextFormat format, string textColumn, string labelColumn)
    {
        _path = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(_path)!;
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"output folder {directory} does not exist");
        }
        _tempPath = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
        _format = format;
        _textColumn = textColumn;
        _labelColumn = labelColumn;
        _writer = new StreamWriter(new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Utf8LineReader.Utf8NoBom, 1 << 16);
        _writer.NewLine = "\n";
    }

    /// <summary>Records written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Opens a writer; CSV output starts with the header "label,text" (the configured column names).</summary>
    public static async Task<TextFileWriter> CreateAsync(string path, TextFormat format, string textColumn = "text", string labelColumn = "label",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var writer = new TextFileWriter(path, format, textColumn, labelColumn);
        if (format == TextFormat.Csv)
        {
            await writer._writer.WriteLineAsync($"{CsvParser.Quote(labelColumn)},{CsvParser.Quote(textColumn)}".AsMemory(), cancellationToken).ConfigureAwait(false);
        }
        return writer;
    }

    /// <summary>Writes one record into the buffer (64 KiB; full buffers are written through to the temporary file).</summary>
    public void Write(string label, string text, bool labelIsJsonLiteral)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(text);
        Written++;
        switch (_format)
        {
            case TextFormat.Tsv:
                _writer.Write(TextFileReader.TsvField(label));
                _writer.Write('\t');
                _writer.Write(TextFileReader.TsvField(text));
                break;
            case TextFormat.Csv:
                _writer.Write(CsvParser.Quote(label));
                _writer.Write(',');
                _writer.Write(CsvParser.Quote(text));
                break;
            default:
                _writer.Write(Json(label, text, labelIsJsonLiteral));
                break;
        }
        _writer.Write('\n');
    }

    private string Json(string label, string text, bool labelIsJsonLiteral)
    {
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        var labelJson = labelIsJsonLiteral ? label : "\"" + JsonEncodedText.Encode(label, encoder) + "\"";
        return $"{{\"{JsonEncodedText.Encode(_labelColumn, encoder)}\":{labelJson},\"{JsonEncodedText.Encode(_textColumn, encoder)}\":\"{JsonEncodedText.Encode(text, encoder)}\"}}";
    }

    /// <summary>Flushes and moves the temporary file onto the target path.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        File.Move(_tempPath, _path, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            File.Delete(_tempPath);
        }
    }
}
