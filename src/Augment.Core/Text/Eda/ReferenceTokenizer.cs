namespace Augment.Core.Text.Eda;

/// <summary>The reference's <c>get_only_chars</c> followed by <c>split(' ')</c>: apostrophes (' and ’)
/// are removed, letters are lower-cased, anything that is not a–z separates words.</summary>
internal static class ReferenceTokenizer
{
    public static EdaSentence Tokenize(string text)
    {
        var words = new List<string>(text.Length / 5 + 1);
        var buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '\'' or '\u2019')
            {
                continue;
            }
            var lower = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c >= 128 ? char.ToLowerInvariant(c) : c;
            if (lower is >= 'a' and <= 'z')
            {
                buffer[length++] = lower;
            }
            else if (length > 0)
            {
                words.Add(new string(buffer[..length]));
                length = 0;
            }
        }
        if (length > 0)
        {
            words.Add(new string(buffer[..length]));
        }
        var array = words.ToArray();
        return new EdaSentence(array, array, SpaceGaps(array.Length));
    }

    /// <summary>Gaps "", " ", ..., " ", "" for n words.</summary>
    internal static string[] SpaceGaps(int count)
    {
        var gaps = new string[count + 1];
        Array.Fill(gaps, " ");
        gaps[0] = "";
        gaps[count] = "";
        return gaps;
    }
}
