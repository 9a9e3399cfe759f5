using System.Text;

namespace Augment.Core.Text.Lexicons;

/// <summary>Synonyms from a plain file of groups, one group of interchangeable words or phrases per line
/// (tab-separated, or comma-separated when the line has no tab). Works for any language; lookups are
/// case-insensitive (lower-cased) and exact: no stemming.</summary>
internal sealed class SynonymGroupLexicon : SynonymLexicon
{
    private readonly Dictionary<string, string[]> _synonyms;

    private SynonymGroupLexicon(Dictionary<string, string[]> synonyms, string name)
    {
        _synonyms = synonyms;
        Name = name;
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>Number of distinct words that have at least one synonym.</summary>
    public int Count => _synonyms.Count;

    /// <inheritdoc />
    public override IReadOnlyList<string> Lookup(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return _synonyms.TryGetValue(word.ToLowerInvariant(), out var list) ? list : [];
    }

    public static SynonymGroupLexicon Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"synonym file {path} does not exist", path);
        }
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var bytes = File.ReadAllBytes(path);
        var lineNumber = 0;
        var position = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (position < bytes.Length)
        {
            var newline = Array.IndexOf(bytes, (byte)'\n', position);
            var end = newline < 0 ? bytes.Length : newline;
            string line;
            try
            {
                line = strict.GetString(bytes, position, end - position);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"{path}:{lineNumber + 1}: invalid UTF-8");
            }
            position = end + 1;
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            var separator = trimmed.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
            var members = trimmed.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(m => m.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
            if (members.Length < 2)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: a synonym group needs at least two distinct entries separated by tabs or commas");
            }
            foreach (var member in members)
            {
                if (!groups.TryGetValue(member, out var list))
                {
                    groups[member] = list = [];
                }
                foreach (var other in members)
                {
                    if (other != member && !list.Contains(other))
                    {
                        list.Add(other);
                    }
                }
            }
        }
        var frozen = groups.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        return new SynonymGroupLexicon(frozen, "synonym file " + path);
    }
}
