namespace Augment.Core.Text.IO;

/// <summary>Format helpers.</summary>
public static class TextFormats
{
    /// <summary>Guesses the format from a file extension: .tsv/.txt, .csv, .jsonl/.ndjson.</summary>
    public static TextFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tsv" or ".txt" => TextFormat.Tsv,
            ".csv" => TextFormat.Csv,
            ".jsonl" or ".ndjson" => TextFormat.Jsonl,
            var ext => throw new ArgumentException($"{path}: cannot tell the format from the extension '{ext}' (use .tsv, .txt, .csv, .jsonl or pass a format)"),
        };
    }

    /// <summary>The format implied by the extension of <paramref name="path"/>, or null when it implies none.</summary>
    public static TextFormat? TryFromPath(string path)
    {
        try
        {
            return FromPath(path);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Parses a format name (tsv, csv, jsonl).</summary>
    public static TextFormat Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "tsv" => TextFormat.Tsv,
            "csv" => TextFormat.Csv,
            "jsonl" or "ndjson" => TextFormat.Jsonl,
            _ => throw new ArgumentException($"format: unknown format '{name}' (expected tsv, csv or jsonl)"),
        };
    }
}
