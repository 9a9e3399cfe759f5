using System.Text;
using Augment.Core.Randomness;
using Augment.Torch.Text.CondBert.Tokenization;

namespace Augment.Torch.Text.CondBert.Augmentation;

/// <summary>CBERT augmentation: for each sentence and variant, mask about <see cref="CbertAugmentOptions.MaskFraction"/>
/// of its word pieces (whole words by default), let the label-conditioned masked LM fill them by sampling, and
/// splice the new words into the original text. Randomness is keyed by (seed, sentence, variant).</summary>
internal static class CbertAugmenter
{
    private static readonly ulong MaskStream = StableHash.Of("cbert/augment/mask");
    private static readonly ulong SampleStream = StableHash.Of("cbert/augment/sample");

    /// <summary>Plans the masking of variant <paramref name="variant"/> of sentence <paramref name="index"/>.</summary>
    public static (MaskPlan Plan, int[] MaskedPieces) Plan(
        TokenizedSentence sentence, int labelId, long index, int variant, CbertAugmentOptions options, CbertTokenizer tokenizer)
    {
        var pieces = sentence.PieceIds;
        var rng = new SampleKey(options.Seed, variant, index).For(MaskStream);
        var seed = new SampleKey(options.Seed, variant, index).For(SampleStream).NextUInt64();
        var target = Math.Max(1, (int)Math.Round(pieces.Length * options.MaskFraction, MidpointRounding.AwayFromZero));
        var chosen = new List<int>();
        if (pieces.Length > 0 && options.WholeWord)
        {
            var words = Enumerable.Range(0, sentence.Words.Count)
                .Where(w => !IsPunctuationWord(sentence, w)).ToArray();
            if (words.Length == 0)
            {
                words = [.. Enumerable.Range(0, sentence.Words.Count)];
            }

            rng.Shuffle(words.AsSpan());
            foreach (var w in words)
            {
                if (chosen.Count >= target)
                {
                    break;
                }

                for (var p = 0; p < pieces.Length; p++)
                {
                    if (sentence.PieceWord[p] == w)
                    {
                        chosen.Add(p);
                    }
                }
            }
        }
        else if (pieces.Length > 0)
        {
            var order = Enumerable.Range(0, pieces.Length).ToArray();
            rng.Shuffle(order.AsSpan());
            chosen.AddRange(order.Take(target));
        }

        chosen.Sort();
        return (ForPieces(sentence, labelId, chosen, seed, tokenizer), [.. chosen]);
    }

    /// <summary>A plan masking exactly the pieces <paramref name="masked"/> (indices into the sentence's pieces).</summary>
    public static MaskPlan ForPieces(TokenizedSentence sentence, int labelId, IReadOnlyList<int> masked, ulong seed, CbertTokenizer tokenizer)
    {
        var input = new int[sentence.PieceIds.Length + 2];
        input[0] = tokenizer.ClsId;
        sentence.PieceIds.CopyTo(input, 1);
        input[^1] = tokenizer.SepId;
        var positions = new int[masked.Count];
        var continuation = new bool[masked.Count];
        for (var i = 0; i < masked.Count; i++)
        {
            var p = masked[i];
            positions[i] = p + 1;
            continuation[i] = p > 0 && sentence.PieceWord[p - 1] == sentence.PieceWord[p];
            input[p + 1] = tokenizer.MaskId;
        }

        return new MaskPlan(input, labelId, positions, continuation, seed);
    }

    /// <summary>The sentence with the sampled pieces spliced in; returns the text and the number of words changed.</summary>
    public static (string Text, int Replaced) Render(
        TokenizedSentence sentence, IReadOnlyList<int> masked, IReadOnlyList<int> sampled, CbertTokenizer tokenizer, bool keepCase)
    {
        var pieces = (int[])sentence.PieceIds.Clone();
        var touched = new HashSet<int>();
        for (var i = 0; i < masked.Count; i++)
        {
            pieces[masked[i]] = sampled[i];
            touched.Add(sentence.PieceWord[masked[i]]);
        }

        var text = sentence.Text;
        var sb = new StringBuilder(text.Length + 16);
        var cursor = 0;
        var replaced = 0;
        for (var w = 0; w < sentence.Words.Count; w++)
        {
            if (!touched.Contains(w))
            {
                continue;
            }

            var (start, length) = sentence.Words[w];
            var wordPieces = Enumerable.Range(0, pieces.Length).Where(p => sentence.PieceWord[p] == w).Select(p => pieces[p]).ToArray();
            var original = text.Substring(start, length);
            var word = tokenizer.Join(wordPieces);
            if (keepCase && tokenizer.LowerCase)
            {
                word = MatchCase(original, word);
            }

            sb.Append(text, cursor, start - cursor).Append(word);
            cursor = start + length;
            if (!string.Equals(word, original, StringComparison.Ordinal))
            {
                replaced++;
            }
        }

        sb.Append(text, cursor, text.Length - cursor);
        return (sb.ToString(), replaced);
    }

    private static bool IsPunctuationWord(TokenizedSentence sentence, int w)
    {
        var (start, length) = sentence.Words[w];
        return length == 1 && WordSplitter.IsPunctuation(sentence.Text[start]);
    }

    private static string MatchCase(string original, string word)
    {
        if (word.Length == 0 || original.Length == 0 || !char.IsUpper(original[0]))
        {
            return word;
        }

        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return word.ToUpperInvariant();
        }

        return char.ToUpperInvariant(word[0]) + word[1..];
    }
}
