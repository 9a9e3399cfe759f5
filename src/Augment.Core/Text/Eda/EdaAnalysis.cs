namespace Augment.Core.Text.Eda;

/// <summary>What every variant of one sentence shares, computed once per sentence: the distinct lookup
/// keys (in order of first appearance), each word's key number and each key's stop-word flag. Synonyms
/// are fetched per key on first use only (most variants touch a few words). Not thread-safe: one per call.</summary>
internal sealed class EdaAnalysis
{
    private readonly string[] _keys;
    private readonly string[]?[] _synonyms;

    private EdaAnalysis(EdaSentence sentence, SynonymTable table, int[] keyIds, string[] keys, bool[] stop, int[] nonStop)
    {
        Sentence = sentence;
        Table = table;
        KeyIds = keyIds;
        _keys = keys;
        _synonyms = new string[]?[keys.Length];
        Stop = stop;
        NonStop = nonStop;
    }

    public EdaSentence Sentence { get; }

    public SynonymTable Table { get; }

    /// <summary>Word i has distinct key KeyIds[i].</summary>
    public int[] KeyIds { get; }

    /// <summary>Number of distinct keys.</summary>
    public int DistinctCount => _keys.Length;

    /// <summary>Whether each distinct key is a stop word.</summary>
    public bool[] Stop { get; }

    /// <summary>The distinct keys that are not stop words, in order of first appearance.</summary>
    public int[] NonStop { get; }

    /// <summary>Synonyms of distinct key <paramref name="id"/> (without the key itself).</summary>
    public string[] SynonymsOf(int id) => _synonyms[id] ??= Table.Get(_keys[id]);

    public static EdaAnalysis Create(EdaSentence sentence, SynonymTable table)
    {
        var ids = new int[sentence.Count];
        var keys = new List<string>(sentence.Count);
        Dictionary<string, int>? distinct = sentence.Count > 24 ? new(sentence.Count, StringComparer.Ordinal) : null;
        for (var i = 0; i < ids.Length; i++)
        {
            var key = sentence.Keys[i];
            int id;
            if (distinct is null)
            {
                id = keys.IndexOf(key);
            }
            else if (!distinct.TryGetValue(key, out id))
            {
                id = -1;
            }
            if (id < 0)
            {
                id = keys.Count;
                distinct?.Add(key, id);
                keys.Add(key);
            }
            ids[i] = id;
        }
        var stop = new bool[keys.Count];
        var nonStop = 0;
        for (var d = 0; d < keys.Count; d++)
        {
            stop[d] = StopWords.Contains(keys[d]);
            nonStop += stop[d] ? 0 : 1;
        }
        var candidates = new int[nonStop];
        for (int d = 0, j = 0; d < keys.Count; d++)
        {
            if (!stop[d])
            {
                candidates[j++] = d;
            }
        }
        return new EdaAnalysis(sentence, table, ids, [.. keys], stop, candidates);
    }
}
