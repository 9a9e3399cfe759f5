using System.Globalization;
using System.Text;

namespace Augment.Core.Text.Eda;

/// <summary>Splits text into words (runs of letters, digits and combining marks, joined across a single
/// inner apostrophe, right single quote or hyphen) and the gaps between them, keeping every character.</summary>
internal static class PreserveTokenizer
{
    public static EdaSentence Tokenize(string text)
    {
        var words = new List<string>();
        var gaps = new List<string>();
        var gapStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordAt(text, i, out var length))
            {
                i += length;
                continue;
            }
            var start = i;
            i += length;
            while (i < text.Length)
            {
                if (IsWordAt(text, i, out length))
                {
                    i += length;
                }
                else if (text[i] is '\'' or '\u2019' or '-' && i + 1 < text.Length && IsWordAt(text, i + 1, out length))
                {
                    i += 1 + length;
                }
                else
                {
                    break;
                }
            }
            gaps.Add(Gap(text, gapStart, start));
            words.Add(text[start..i]);
            gapStart = i;
        }
        gaps.Add(Gap(text, gapStart, text.Length));
        var wordArray = words.ToArray();
        var keys = new string[wordArray.Length];
        for (var w = 0; w < keys.Length; w++)
        {
            keys[w] = Key(wordArray[w]);
        }
        return new EdaSentence(wordArray, keys, [.. gaps]);
    }

    /// <summary>The text between two words; the common single space and empty gaps are not allocated.</summary>
    private static string Gap(string text, int start, int end) => (end - start) switch
    {
        0 => "",
        1 when text[start] == ' ' => " ",
        _ => text[start..end],
    };

    /// <summary>The lookup key of a word: lower-case, ’ read as '.</summary>
    internal static string Key(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Contains('\u2019', StringComparison.Ordinal) ? lower.Replace('\u2019', '\'') : lower;
    }

    private static bool IsWordAt(string text, int index, out int length)
    {
        var c = text[index];
        if (c < 128)
        {
            length = 1;
            return char.IsAsciiLetterOrDigit(c);
        }
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out length) != System.Buffers.OperationStatus.Done)
        {
            length = Math.Max(1, length);
            return false;
        }
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }
}
