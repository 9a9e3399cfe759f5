using System.Globalization;

namespace Augment.Torch.Text.CondBert.Tokenization;

/// <summary>BERT's basic pre-tokenisation on the original text: words are runs of non-space, non-punctuation
/// characters; every punctuation character is a word of its own. Spans point into the original string,
/// so replacing one word leaves the rest of the sentence byte-identical.</summary>
public static class WordSplitter
{
    /// <summary>The (start, length) of every word of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<(int Start, int Length)> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                Close(ref start, i, spans);
            }
            else if (IsPunctuation(c))
            {
                Close(ref start, i, spans);
                spans.Add((i, 1));
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        Close(ref start, text.Length, spans);
        return spans;
    }

    /// <summary>BERT's punctuation test: ASCII symbols and every Unicode punctuation category.</summary>
    public static bool IsPunctuation(char c)
    {
        if (c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~')
        {
            return true;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.OtherPunctuation;
    }

    private static void Close(ref int start, int end, List<(int, int)> spans)
    {
        if (start >= 0)
        {
            spans.Add((start, end - start));
            start = -1;
        }
    }
}
