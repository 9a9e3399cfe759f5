using System.Globalization;

namespace Augment.Core.Text.Lexicons;

/// <summary>Reads the compact lexicon written by bench/text/build_wordnet_lexicon.py: for each part of
/// speech, "pos X", "synsets N" + N lemma lines, "index N" + N "lemma id id..." lines,
/// "exceptions N" + N "form base..." lines.</summary>
internal static class WordNetCompactReader
{
    private const string Magic = "augment-wordnet-lexicon 1";

    public static WordNetDatabase Read(TextReader reader, string source)
    {
        var lineNumber = 0;
        string Next()
        {
            lineNumber++;
            return reader.ReadLine() ?? throw new InvalidDataException($"{source}:{lineNumber}: unexpected end of file");
        }
        int Header(string keyword)
        {
            var line = Next();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || line[..space] != keyword
                || !int.TryParse(line.AsSpan(space + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                throw new InvalidDataException($"{source}:{lineNumber}: expected '{keyword} <count>'");
            }
            return count;
        }

        if (!Next().StartsWith(Magic, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source}:1: not a compact WordNet lexicon (expected '{Magic}')");
        }
        var parts = new WordNetPart[4];
        foreach (var tag in "nvar")
        {
            if (Next() != "pos " + tag)
            {
                throw new InvalidDataException($"{source}:{lineNumber}: expected 'pos {tag}'");
            }
            var synsets = new string[Header("synsets")][];
            for (var i = 0; i < synsets.Length; i++)
            {
                synsets[i] = Next().Split(' ');
                for (var j = 0; j < synsets[i].Length; j++)
                {
                    synsets[i][j] = synsets[i][j].Replace('_', ' ');
                }
            }
            var indexCount = Header("index");
            var index = new Dictionary<string, int[]>(indexCount, StringComparer.Ordinal);
            for (var i = 0; i < indexCount; i++)
            {
                var fields = Next().Split(' ');
                var ids = new int[fields.Length - 1];
                for (var j = 0; j < ids.Length; j++)
                {
                    if (!int.TryParse(fields[j + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ids[j]) || ids[j] >= synsets.Length)
                    {
                        throw new InvalidDataException($"{source}:{lineNumber}: bad synset number '{fields[j + 1]}'");
                    }
                }
                index[fields[0]] = ids;
            }
            var excCount = Header("exceptions");
            var exceptions = new Dictionary<string, string[]>(excCount, StringComparer.Ordinal);
            for (var i = 0; i < excCount; i++)
            {
                var fields = Next().Split(' ');
                exceptions[fields[0]] = fields[1..];
            }
            parts["nvar".IndexOf(tag, StringComparison.Ordinal)] = new WordNetPart(synsets, index, exceptions);
        }
        return new WordNetDatabase(parts[0], parts[1], parts[2], parts[3]);
    }
}
