namespace Augment.Core.Data;

/// <summary>Resolves paths that requests give relative to a configured root. Refuses absolute paths, ".."
/// segments, symbolic links anywhere below the root, and anything that ends up outside the root.</summary>
internal sealed class DatasetRoots
{
    private readonly Dictionary<string, string> _roots;

    /// <summary>Creates the resolver; relative root folders resolve against <paramref name="baseDirectory"/>.</summary>
    public DatasetRoots(IEnumerable<KeyValuePair<string, string>> roots, string baseDirectory)
    {
        _roots = roots.ToDictionary(r => r.Key, r => System.IO.Path.GetFullPath(r.Value, baseDirectory), StringComparer.Ordinal);
    }

    /// <summary>Root names in ordinal order.</summary>
    public IReadOnlyList<string> Names => _roots.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The full path of <paramref name="relativePath"/> under root <paramref name="rootName"/>.</summary>
    /// <exception cref="DatasetException">Unknown root, refused or missing path.</exception>
    public string Resolve(string rootName, string relativePath)
    {
        if (!_roots.TryGetValue(rootName, out var root))
        {
            var known = _roots.Count == 0 ? "none are configured" : "configured: " + string.Join(", ", Names);
            throw new DatasetException(DatasetErrorKind.NotFound, $"location.root: no root named \"{rootName}\" ({known})");
        }
        if (string.IsNullOrWhiteSpace(relativePath))
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "location.path: empty");
        }
        if (System.IO.Path.IsPathRooted(relativePath) || relativePath[0] is '/' or '\\' || relativePath.Contains(':', StringComparison.Ordinal))
        {
            throw Refused(relativePath, "absolute paths are refused; give a path relative to the root");
        }
        if (relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw Refused(relativePath, "contains a NUL character");
        }
        var segments = relativePath.Split('/', '\\').Where(s => s.Length > 0 && s != ".").ToArray();
        if (segments.Any(s => s == ".."))
        {
            throw Refused(relativePath, "\"..\" segments are refused");
        }
        if (segments.Length == 0)
        {
            throw Refused(relativePath, "names the root itself; name a dataset below it");
        }
        var current = root;
        foreach (var segment in segments)
        {
            current = System.IO.Path.Combine(current, segment);
            FileSystemInfo info = Directory.Exists(current) ? new DirectoryInfo(current) : new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                throw Refused(relativePath, $"\"{segment}\" is a symbolic link; links are refused");
            }
            if (!info.Exists)
            {
                throw new DatasetException(DatasetErrorKind.NotFound,
                    $"location.path: \"{relativePath}\" does not exist under root \"{rootName}\"");
            }
        }
        var full = System.IO.Path.GetFullPath(current);
        var prefix = root.EndsWith(System.IO.Path.DirectorySeparatorChar) ? root : root + System.IO.Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Refused(relativePath, "resolves outside its root");
        }
        return full;
    }

    private static DatasetException Refused(string path, string reason) =>
        new(DatasetErrorKind.PathRefused, $"location.path: \"{path}\": {reason}");
}
