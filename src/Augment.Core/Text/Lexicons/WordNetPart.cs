namespace Augment.Core.Text.Lexicons;

/// <summary>One part of speech of a WordNet database: synset lemma lists, the lemma index and the
/// exception list (irregular forms). Immutable after construction.</summary>
internal sealed class WordNetPart(string[][] synsets, Dictionary<string, int[]> index, Dictionary<string, string[]> exceptions)
{
    /// <summary>Lemma names of each synset (spaces between words, case as in WordNet).</summary>
    public string[][] Synsets { get; } = synsets;

    /// <summary>Lower-case lemma to the numbers of the synsets that contain it, in index-file order.</summary>
    public Dictionary<string, int[]> Index { get; } = index;

    /// <summary>Irregular inflected form to its base forms.</summary>
    public Dictionary<string, string[]> Exceptions { get; } = exceptions;
}
