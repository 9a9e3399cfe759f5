namespace Augment.Core.Text.Lexicons;

/// <summary>Synonyms from WordNet with the semantics of NLTK's <c>wordnet.synsets(word)</c>: every part
/// of speech, every base form Morphy finds, every lemma of every synset, underscores read as spaces.
/// Lookups allocate little: no base form, no work beyond a few hash probes.</summary>
internal sealed class WordNetLexicon(WordNetDatabase database, string name) : SynonymLexicon
{
    /// <summary>Words longer than this have no synonyms (WordNet's longest lemma is 71 characters).</summary>
    internal const int MaxWordLength = 80;

    private static readonly WordNetPos[] AllPos = [WordNetPos.Noun, WordNetPos.Verb, WordNetPos.Adjective, WordNetPos.Adverb];

    /// <inheritdoc />
    public override string Name { get; } = name;

    internal WordNetDatabase Database { get; } = database;

    /// <inheritdoc />
    internal override void CollectRaw(string word, List<string> sink)
    {
        if (word.Length == 0 || word.Length > MaxWordLength)
        {
            return;
        }
        var key = word.ToLowerInvariant();
        var forms = new List<string>(4);
        foreach (var pos in AllPos)
        {
            var part = Database.Part(pos);
            forms.Clear();
            Morphy.BaseForms(key, part, pos, forms);
            foreach (var form in forms)
            {
                foreach (var id in part.Index[form])
                {
                    sink.AddRange(part.Synsets[id]);
                }
            }
        }
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Lookup(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0 || word.Length > MaxWordLength)
        {
            return [];
        }
        var key = word.ToLowerInvariant();
        List<string>? result = null;
        HashSet<string>? seen = null;
        foreach (var pos in AllPos)
        {
            var part = Database.Part(pos);
            foreach (var form in Morphy.BaseForms(key, part, pos))
            {
                foreach (var id in part.Index[form])
                {
                    foreach (var synonym in part.Synsets[id])
                    {
                        seen ??= new HashSet<string>(StringComparer.Ordinal);
                        if (seen.Add(synonym))
                        {
                            (result ??= []).Add(synonym);
                        }
                    }
                }
            }
        }
        return (IReadOnlyList<string>?)result ?? [];
    }
}
