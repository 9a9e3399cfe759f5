namespace Augment.Cli.Commands.Images;

/// <summary>Walks an input tree and lists candidate images in a stable (ordinal) order.</summary>
internal static class SourceScanner
{
    /// <summary>File extensions treated as images (case-insensitive).</summary>
    public static readonly IReadOnlySet<string> ImageExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".tif", ".tiff",
    };

    /// <summary>Lists files under <paramref name="root"/> with an image extension; other files go to
    /// <paramref name="ignored"/>. Hidden files and folders (name starting with '.') are skipped.</summary>
    public static IReadOnlyList<SourceFile> Scan(string root, out IReadOnlyList<string> ignored)
    {
        var full = Path.GetFullPath(root);
        var found = new List<SourceFile>();
        var skipped = new List<string>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        foreach (var path in Directory.EnumerateFiles(full, "*", options))
        {
            var relative = Path.GetRelativePath(full, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.Split('/').Any(part => part.StartsWith('.')))
            {
                continue;
            }
            if (ImageExtensions.Contains(Path.GetExtension(path)))
            {
                found.Add(new SourceFile(path, relative));
            }
            else
            {
                skipped.Add(relative);
            }
        }
        found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        skipped.Sort(StringComparer.Ordinal);
        ignored = skipped;
        return found;
    }
}
