using System.Globalization;

namespace Augment.Core.Text.Lexicons;

/// <summary>Reads a WordNet 3.0 database folder (data.*, index.*, *.exc) as NLTK's reader does:
/// adjective markers such as "(p)" are stripped from lemma names; license header lines are skipped.</summary>
internal static class WordNetFolderReader
{
    private static readonly string[] Names = ["noun", "verb", "adj", "adv"];

    public static WordNetDatabase Read(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"WordNet database folder {folder} does not exist");
        }
        var parts = Names.Select(name => ReadPart(folder, name)).ToArray();
        return new WordNetDatabase(parts[0], parts[1], parts[2], parts[3]);
    }

    private static WordNetPart ReadPart(string folder, string name)
    {
        var offsets = new Dictionary<long, int>();
        var synsets = new List<string[]>();
        var dataPath = RequireFile(folder, "data." + name);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(dataPath))
        {
            lineNumber++;
            if (line.StartsWith("  ", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }
            var fields = line.Split(' ');
            if (fields.Length < 4
                || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || !int.TryParse(fields[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var count)
                || count < 1 || fields.Length < 4 + 2 * count)
            {
                throw new InvalidDataException($"{dataPath}:{lineNumber}: not a WordNet data line (offset lex_filenum ss_type w_cnt word lex_id ...)");
            }
            var lemmas = new string[count];
            for (var i = 0; i < count; i++)
            {
                lemmas[i] = StripMarker(fields[4 + 2 * i]).Replace('_', ' ');
            }
            offsets[offset] = synsets.Count;
            synsets.Add(lemmas);
        }

        var index = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var indexPath = RequireFile(folder, "index." + name);
        lineNumber = 0;
        foreach (var line in File.ReadLines(indexPath))
        {
            lineNumber++;
            if (line.StartsWith(' ') || line.Length == 0)
            {
                continue;
            }
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var synsetCount)
                || synsetCount < 1 || fields.Length < 4 + synsetCount)
            {
                throw new InvalidDataException($"{indexPath}:{lineNumber}: not a WordNet index line (lemma pos synset_cnt p_cnt ... offsets)");
            }
            var ids = new int[synsetCount];
            for (var i = 0; i < synsetCount; i++)
            {
                var field = fields[fields.Length - synsetCount + i];
                if (!long.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || !offsets.TryGetValue(offset, out ids[i]))
                {
                    throw new InvalidDataException($"{indexPath}:{lineNumber}: synset offset {field} is not in data.{name}");
                }
            }
            index[fields[0]] = ids;
        }

        var exceptions = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var excPath = RequireFile(folder, name + ".exc");
        foreach (var line in File.ReadLines(excPath))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2)
            {
                exceptions[fields[0]] = fields[1..];
            }
        }
        return new WordNetPart([.. synsets], index, exceptions);
    }

    /// <summary>Drops a trailing syntactic marker such as "(a)", "(p)" or "(ip)" from an adjective lemma.</summary>
    internal static string StripMarker(string lemma)
    {
        var open = lemma.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && lemma.EndsWith(')') ? lemma[..open] : lemma;
    }

    private static string RequireFile(string folder, string file)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"WordNet database folder {folder} has no {file} (expected data.*, index.* and *.exc files)", path);
        }
        return path;
    }
}
