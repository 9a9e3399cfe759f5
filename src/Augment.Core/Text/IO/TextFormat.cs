namespace Augment.Core.Text.IO;

/// <summary>Supported text dataset formats.</summary>
public enum TextFormat
{
    /// <summary><c>label&lt;TAB&gt;text</c> per line, no header (the EDA reference format). The text is
    /// everything after the first tab.</summary>
    Tsv = 0,

    /// <summary>RFC 4180 CSV with a header row naming the text and label columns.</summary>
    Csv = 1,

    /// <summary>JSON Lines: one object per line with a string text field and an optional label field
    /// (string, number or boolean).</summary>
    Jsonl = 2,
}
