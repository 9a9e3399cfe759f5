using System.Runtime.InteropServices;
using System.Text;
using Augment.Core.Randomness;

namespace Augment.Core.Text.Eda;

/// <summary>The four EDA operations, following the reference implementation step by step (including its
/// retry limits). Each draws from the generator it is given and never mutates the input sentence.</summary>
internal static class EdaKernels
{
    /// <summary>Replaces up to <paramref name="n"/> distinct non-stop words (every occurrence of each) with a
    /// random synonym. Candidates are the distinct words in random order; words without synonyms are passed over.</summary>
    public static string SynonymReplacement(EdaAnalysis a, int n, ref Rng rng, StringBuilder sb)
    {
        const int StackLimit = 256;
        var order = a.NonStop.Length <= StackLimit ? stackalloc int[a.NonStop.Length] : new int[a.NonStop.Length];
        a.NonStop.CopyTo(order);
        rng.Shuffle(order);
        string?[]? chosen = null;
        var replaced = 0;
        foreach (var d in order)
        {
            var options = a.SynonymsOf(d);
            if (options.Length >= 1)
            {
                (chosen ??= new string?[a.DistinctCount])[d] = options[rng.NextInt(options.Length)];
                replaced++;
            }
            if (replaced >= n)
            {
                break;
            }
        }
        var s = a.Sentence;
        sb.Clear().Append(s.Gaps[0]);
        for (var i = 0; i < s.Count; i++)
        {
            var synonym = chosen?[a.KeyIds[i]];
            sb.Append(synonym is null ? s.Words[i] : MatchCase(s.Words[i], synonym));
            sb.Append(s.Gaps[i + 1]);
        }
        return sb.ToString();
    }

    /// <summary>n times: pick a random word (up to 10 tries) that has synonyms and insert one of its synonyms
    /// before a random word (the reference never appends at the very end). Inserted words can be picked too.</summary>
    public static string RandomInsertion(EdaAnalysis a, int n, bool skipStopWords, ref Rng rng, StringBuilder sb)
    {
        var s = a.Sentence;
        var words = new string[s.Count + n];
        var ids = new int[s.Count + n];
        var gaps = new string[s.Count + n + 1];
        s.Words.CopyTo(words, 0);
        a.KeyIds.CopyTo(ids, 0);
        s.Gaps.CopyTo(gaps, 0);
        var count = s.Count;
        for (var round = 0; round < n; round++)
        {
            string[] options = [];
            var tries = 0;
            var gaveUp = false;
            while (options.Length < 1)
            {
                var j = rng.NextInt(count);
                options = Options(a, words[j], ids[j], skipStopWords);
                tries++;
                if (tries >= 10)
                {
                    gaveUp = true;
                    break;
                }
            }
            if (gaveUp)
            {
                continue;
            }
            var synonym = options[rng.NextInt(options.Length)];
            var position = rng.NextInt(count);
            Array.Copy(words, position, words, position + 1, count - position);
            Array.Copy(ids, position, ids, position + 1, count - position);
            Array.Copy(gaps, position + 1, gaps, position + 2, count - position);
            words[position] = synonym;
            ids[position] = -1;
            gaps[position + 1] = " ";
            count++;
        }
        return Join(words.AsSpan(0, count), gaps.AsSpan(0, count + 1), sb);
    }

    private static string[] Options(EdaAnalysis a, string word, int id, bool skipStopWords)
    {
        if (id >= 0)
        {
            return skipStopWords && a.Stop[id] ? [] : a.SynonymsOf(id);
        }
        var key = PreserveTokenizer.Key(word);
        return skipStopWords && StopWords.Contains(key) ? [] : a.Table.Get(key);
    }

    /// <summary>n times: swap two random positions; the second is redrawn while equal to the first, and the
    /// swap is abandoned after the reference's limit of redraws.</summary>
    public static string RandomSwap(EdaSentence s, int n, ref Rng rng, StringBuilder sb)
    {
        var words = (string[])s.Words.Clone();
        for (var round = 0; round < n; round++)
        {
            var first = rng.NextInt(words.Length);
            var second = first;
            var counter = 0;
            var abandoned = false;
            while (second == first)
            {
                second = rng.NextInt(words.Length);
                counter++;
                if (counter > 3)
                {
                    abandoned = true;
                    break;
                }
            }
            if (!abandoned)
            {
                (words[first], words[second]) = (words[second], words[first]);
            }
        }
        return Join(words, s.Gaps, sb);
    }

    /// <summary>Deletes each word with probability <paramref name="p"/> (kept when a uniform draw is above p);
    /// a one-word sentence is left alone and if every word went, one random word is kept. Punctuation in the
    /// gaps stays; the spacing of a deleted word is dropped.</summary>
    public static string RandomDeletion(EdaSentence s, double p, ref Rng rng, StringBuilder sb)
    {
        if (s.Count == 1)
        {
            return Join(s.Words, s.Gaps, sb);
        }
        var keep = new bool[s.Count];
        var kept = 0;
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = rng.NextDouble() > p;
            kept += keep[i] ? 1 : 0;
        }
        if (kept == 0)
        {
            keep[rng.NextInt(keep.Length)] = true;
        }
        sb.Clear();
        var pending = s.Gaps[0];
        var emitted = false;
        for (var i = 0; i < s.Count; i++)
        {
            if (keep[i])
            {
                sb.Append(pending).Append(s.Words[i]);
                pending = s.Gaps[i + 1];
                emitted = true;
            }
            else
            {
                pending = emitted
                    ? string.Concat(pending.AsSpan().TrimEnd(), s.Gaps[i + 1])
                    : string.Concat(pending, s.Gaps[i + 1].AsSpan().TrimStart());
            }
        }
        return sb.Append(pending).ToString();
    }

    /// <summary>gap0 word0 gap1 ... word(n-1) gap(n).</summary>
    internal static string Join(ReadOnlySpan<string> words, ReadOnlySpan<string> gaps, StringBuilder sb)
    {
        sb.Clear().Append(gaps[0]);
        for (var i = 0; i < words.Length; i++)
        {
            sb.Append(words[i]).Append(gaps[i + 1]);
        }
        return sb.ToString();
    }

    /// <summary>Gives <paramref name="replacement"/> the case shape of <paramref name="original"/>:
    /// ALL CAPS stays all caps, a capitalised word gives a capitalised replacement, otherwise unchanged.</summary>
    internal static string MatchCase(string original, string replacement)
    {
        if (replacement.Length == 0 || !char.IsUpper(original[0]))
        {
            return replacement;
        }
        var allUpper = original.Length > 1;
        foreach (var c in original)
        {
            if (char.IsLower(c))
            {
                allUpper = false;
                break;
            }
        }
        if (allUpper)
        {
            return replacement.ToUpperInvariant();
        }
        return char.IsUpper(replacement[0]) ? replacement : string.Concat(char.ToUpperInvariant(replacement[0]).ToString(), replacement.AsSpan(1));
    }
}
