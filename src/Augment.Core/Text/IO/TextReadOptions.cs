namespace Augment.Core.Text.IO;

/// <summary>How a text dataset is read.</summary>
public sealed record TextReadOptions
{
    /// <summary>The format.</summary>
    public TextFormat Format { get; init; } = TextFormat.Tsv;

    /// <summary>Lines (CSV: records) longer than this many bytes are bad input. Default 1 MiB.</summary>
    public int MaxLineBytes { get; init; } = 1 << 20;

    /// <summary>Fail on the first bad line (default) or skip and count bad lines.</summary>
    public TextErrorMode OnError { get; init; } = TextErrorMode.Fail;

    /// <summary>CSV column / JSON field holding the text.</summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>CSV column / JSON field holding the label (optional in the data).</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        if (MaxLineBytes < 16)
        {
            throw new ArgumentException($"max_line_bytes: must be at least 16, got {MaxLineBytes}");
        }
        if (string.IsNullOrEmpty(TextColumn))
        {
            throw new ArgumentException("text_column: must not be empty");
        }
        if (string.IsNullOrEmpty(LabelColumn))
        {
            throw new ArgumentException("label_column: must not be empty");
        }
        if (!Enum.IsDefined(Format) || !Enum.IsDefined(OnError))
        {
            throw new ArgumentException("format/on_error: unknown value");
        }
    }
}
