namespace Augment.Core.Text.Eda;

/// <summary>The English stop-word list of the EDA reference implementation (NLTK's list as it stood then,
/// plus the empty string). Synonym replacement never replaces these words.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Set = new(
    [
        "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
        "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
        "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who",
        "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being",
        "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or",
        "because", "as", "until", "while", "of", "at", "by", "for", "with", "about", "against", "between",
        "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down", "in",
        "out", "on", "off", "over", "under", "again", "further", "then", "once", "here", "there", "when",
        "where", "why", "how", "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "no",
        "nor", "not", "only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
        "should", "now", "",
    ], StringComparer.Ordinal);

    /// <summary>The list, in no particular order.</summary>
    public static IReadOnlyCollection<string> All => Set;

    /// <summary>True when the lower-case <paramref name="word"/> is a stop word. A contraction counts as a
    /// stop word when the part before its apostrophe is one ("don't", "it's"), which is what the reference's
    /// apostrophe-stripping tokeniser achieves with its entries "don", "s" and "t".</summary>
    public static bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Set.Contains(word))
        {
            return true;
        }
        var apostrophe = word.IndexOf('\'', StringComparison.Ordinal);
        return apostrophe > 0 && Set.Contains(word[..apostrophe]);
    }
}
