using System.Collections.Concurrent;
using System.Text;
using Augment.Core.Text.Lexicons;

namespace Augment.Core.Text.Eda;

/// <summary>A lexicon's synonyms normalised for one tokenisation and memoised per lookup key
/// (thread-safe; bounded so that a stream of unique words cannot grow it without limit).</summary>
internal sealed class SynonymTable(SynonymLexicon lexicon, EdaTokenization tokenization)
{
    private const int MaxEntries = 1 << 20;

    private readonly ConcurrentDictionary<string, string[]> _cache = new(StringComparer.Ordinal);
    private int _count;

    public SynonymLexicon Lexicon { get; } = lexicon;

    /// <summary>The synonyms of <paramref name="key"/> (a lower-case word), without the word itself.</summary>
    public string[] Get(string key)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var result = Compute(key);
        if (Volatile.Read(ref _count) < MaxEntries && _cache.TryAdd(key, result))
        {
            Interlocked.Increment(ref _count);
        }
        return result;
    }

    private string[] Compute(string key)
    {
        var raw = new List<string>();
        Lexicon.CollectRaw(key, raw);
        if (raw.Count == 0)
        {
            return [];
        }
        var list = new List<string>(raw.Count);
        var seen = new HashSet<string>(raw.Count, StringComparer.Ordinal);
        foreach (var synonym in raw)
        {
            var normal = tokenization == EdaTokenization.Reference ? ReferenceClean(synonym) : synonym;
            if (normal.Length == 0 || string.Equals(normal, key, StringComparison.OrdinalIgnoreCase) || !seen.Add(normal))
            {
                continue;
            }
            list.Add(normal);
        }
        return [.. list];
    }

    /// <summary>The reference's synonym cleaning: lower-case, '_' and '-' to spaces, characters other than
    /// a–z and space dropped; then runs of spaces collapsed and the ends trimmed (as its final clean-up does).</summary>
    internal static string ReferenceClean(string synonym)
    {
        if (IsClean(synonym))
        {
            return synonym;
        }
        var sb = new StringBuilder(synonym.Length);
        foreach (var c in synonym.ToLowerInvariant())
        {
            var d = c is '_' or '-' ? ' ' : c;
            if (d == ' ')
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else if (d is >= 'a' and <= 'z')
            {
                sb.Append(d);
            }
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>True when <paramref name="s"/> is already lower-case a–z words separated by single spaces.</summary>
    private static bool IsClean(string s)
    {
        if (s.Length == 0 || s[0] == ' ' || s[^1] == ' ')
        {
            return false;
        }
        var previousSpace = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }
                previousSpace = true;
            }
            else if (c is >= 'a' and <= 'z')
            {
                previousSpace = false;
            }
            else
            {
                return false;
            }
        }
        return true;
    }
}
