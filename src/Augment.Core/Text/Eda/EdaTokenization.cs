namespace Augment.Core.Text.Eda;

/// <summary>How sentences are split into words and put back together.</summary>
public enum EdaTokenization
{
    /// <summary>Default: case, punctuation and spacing are kept. Words are runs of letters and digits
    /// (joined across inner apostrophes and hyphens); operations move, insert and delete words only,
    /// punctuation stays where it was, and replacements take the case shape of the word they replace.</summary>
    Preserve = 0,

    /// <summary>The reference implementation's <c>get_only_chars</c>: lower-case, apostrophes removed,
    /// every character other than a–z becomes a space; output words are joined by single spaces.</summary>
    Reference = 1,
}
