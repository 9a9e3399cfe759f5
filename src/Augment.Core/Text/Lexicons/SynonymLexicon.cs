namespace Augment.Core.Text.Lexicons;

/// <summary>A source of synonyms for single words: WordNet (embedded or a database folder) or a plain
/// synonym file. Immutable and thread-safe once loaded.</summary>
public abstract class SynonymLexicon
{
    /// <summary>A short description of where the synonyms come from (for logs and errors).</summary>
    public abstract string Name { get; }

    /// <summary>The synonyms of <paramref name="word"/> (lower-case), in a deterministic order, without
    /// duplicates. Multi-word synonyms use spaces. The list may contain the word itself; callers drop it.</summary>
    public abstract IReadOnlyList<string> Lookup(string word);

    /// <summary>Appends the synonyms of <paramref name="word"/> to <paramref name="sink"/>, possibly with
    /// duplicates; callers that de-duplicate anyway use this to skip a pass.</summary>
    internal virtual void CollectRaw(string word, List<string> sink) => sink.AddRange(Lookup(word));

    /// <summary>The WordNet 3.0 lexicon embedded in this assembly (loaded once, then shared).</summary>
    public static SynonymLexicon EmbeddedWordNet() => EmbeddedWordNetHolder.Instance;

    /// <summary>Loads a WordNet database folder holding data.{noun,verb,adj,adv}, index.* and *.exc.</summary>
    public static SynonymLexicon FromWordNetDatabase(string folder) =>
        new WordNetLexicon(WordNetFolderReader.Read(folder), "WordNet database " + folder);

    /// <summary>Loads a plain synonym file: one group of interchangeable words per line, separated by
    /// tabs (or by commas when the line has no tab). Blank lines and lines starting with '#' are ignored.</summary>
    public static SynonymLexicon FromSynonymFile(string path) => SynonymGroupLexicon.Load(path);
}
