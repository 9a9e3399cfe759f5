namespace Augment.Torch.Text.CondBert.Tokenization;

/// <summary>Builds a WordPiece-compatible <c>vocab.txt</c> from a corpus, for training a small BERT from scratch:
/// the five special tokens, every character seen (as a word start and as a "##" continuation, so nothing
/// maps to [UNK]), then the most frequent whole words.</summary>
public static class VocabularyBuilder
{
    /// <summary>The vocabulary lines, ids in order: [PAD]=0, [UNK], [CLS], [SEP], [MASK], characters, "##" characters, words.</summary>
    /// <param name="sentences">The corpus.</param>
    /// <param name="maxWords">Most whole words kept (by frequency, ties by ordinal order).</param>
    /// <param name="minCount">Words seen fewer times are left to characters.</param>
    /// <param name="lowerCase">Lower-case and strip accents first (must match the tokenizer setting).</param>
    public static IReadOnlyList<string> Build(IEnumerable<string> sentences, int maxWords = 20000, int minCount = 1, bool lowerCase = true)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentOutOfRangeException.ThrowIfNegative(maxWords);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var sentence in sentences)
        {
            foreach (var (start, length) in WordSplitter.Split(sentence))
            {
                var word = CbertTokenizer.Normalise(sentence.Substring(start, length), lowerCase);
                if (word.Length == 0)
                {
                    continue;
                }

                counts[word] = counts.GetValueOrDefault(word) + 1;
                var e = System.Globalization.StringInfo.GetTextElementEnumerator(word);
                while (e.MoveNext())
                {
                    chars.Add(e.GetTextElement());
                }
            }
        }

        var vocab = new List<string> { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" };
        var seen = new HashSet<string>(vocab, StringComparer.Ordinal);
        foreach (var c in chars)
        {
            if (seen.Add(c))
            {
                vocab.Add(c);
            }
        }

        foreach (var c in chars)
        {
            if (seen.Add("##" + c))
            {
                vocab.Add("##" + c);
            }
        }

        foreach (var (word, _) in counts.Where(kv => kv.Value >= minCount)
                     .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(maxWords))
        {
            if (seen.Add(word))
            {
                vocab.Add(word);
            }
        }

        return vocab;
    }

    /// <summary>Writes <paramref name="vocabulary"/> one token a line (atomically).</summary>
    public static void Write(string path, IReadOnlyList<string> vocabulary)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, string.Join('\n', vocabulary) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
