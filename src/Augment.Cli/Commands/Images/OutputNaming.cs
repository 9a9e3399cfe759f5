namespace Augment.Cli.Commands.Images;

/// <summary>Names the outputs of each source: <c>dir/stem_aug003.png</c>, keeping the class sub-folders. When two
/// sources in one folder share a stem (<c>a.jpg</c>, <c>a.png</c>) their extension joins the stem
/// (<c>a_jpg_aug003.png</c>) so outputs never collide.</summary>
internal sealed class OutputNaming
{
    private readonly HashSet<string> _ambiguous;
    private readonly OutputFormat _format;

    /// <summary>Prepares names for <paramref name="sources"/>.</summary>
    public OutputNaming(IReadOnlyList<SourceFile> sources, OutputFormat format)
    {
        _format = format;
        _ambiguous = [.. sources
            .GroupBy(s => StemKey(s.RelativePath), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Select(s => s.RelativePath))];
    }

    /// <summary>The output path of copy <paramref name="copy"/>, relative to the output root ('/' separators).</summary>
    public string RelativeOutput(SourceFile source, int copy)
    {
        var rel = source.RelativePath;
        var slash = rel.LastIndexOf('/');
        var dir = slash < 0 ? "" : rel[..(slash + 1)];
        var name = rel[(slash + 1)..];
        var ext = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        if (_ambiguous.Contains(rel))
        {
            stem += "_" + ext.TrimStart('.').ToLowerInvariant();
        }
        return $"{dir}{stem}_aug{copy:D3}{Extension(ext)}";
    }

    /// <summary>The extension written for a source with extension <paramref name="sourceExtension"/>.</summary>
    public string Extension(string sourceExtension) => _format switch
    {
        OutputFormat.Png => ".png",
        OutputFormat.Jpeg => ".jpg",
        _ => sourceExtension.ToLowerInvariant() switch
        {
            ".jpeg" => ".jpg",
            ".tiff" => ".tif",
            var e => e,
        },
    };

    private static string StemKey(string relative)
    {
        var ext = Path.GetExtension(relative);
        return relative[..^ext.Length];
    }
}
