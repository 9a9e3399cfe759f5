namespace Augment.Core.Text.Eda;

/// <summary>What every variant of one sentence shares, computed once per sentence: the distinct lookup
/// keys (in order of first appearance), each word's key number, each key's synonyms and stop-word flag.</summary>
internal sealed class EdaAnalysis
{
    private EdaAnalysis(EdaSentence sentence, SynonymTable table, int[] keyIds, string[][] synonyms, bool[] stop, int[] nonStop)
    {
        Sentence = sentence;
        Table = table;
        KeyIds = keyIds;
        Synonyms = synonyms;
        Stop = stop;
        NonStop = nonStop;
    }

    public EdaSentence Sentence { get; }

    public SynonymTable Table { get; }

    /// <summary>Word i has distinct key KeyIds[i].</summary>
    public int[] KeyIds { get; }

    /// <summary>Synonyms of each distinct key (without the key itself).</summary>
    public string[][] Synonyms { get; }

    /// <summary>Whether each distinct key is a stop word.</summary>
    public bool[] Stop { get; }

    /// <summary>The distinct keys that are not stop words, in order of first appearance.</summary>
    public int[] NonStop { get; }

    public static EdaAnalysis Create(EdaSentence sentence, SynonymTable table)
    {
        var ids = new int[sentence.Count];
        var distinct = new Dictionary<string, int>(sentence.Count, StringComparer.Ordinal);
        var keys = new List<string>(sentence.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            var key = sentence.Keys[i];
            if (!distinct.TryGetValue(key, out var id))
            {
                id = keys.Count;
                distinct[key] = id;
                keys.Add(key);
            }
            ids[i] = id;
        }
        var synonyms = new string[keys.Count][];
        var stop = new bool[keys.Count];
        var nonStop = new List<int>(keys.Count);
        for (var d = 0; d < keys.Count; d++)
        {
            synonyms[d] = table.Get(keys[d]);
            stop[d] = StopWords.Contains(keys[d]);
            if (!stop[d])
            {
                nonStop.Add(d);
            }
        }
        return new EdaAnalysis(sentence, table, ids, synonyms, stop, [.. nonStop]);
    }
}
