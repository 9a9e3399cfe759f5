namespace Augment.Core.Text.Eda;

/// <summary>A tokenised sentence: n words, their lower-case lookup keys and the n + 1 gaps around them
/// (text = gap0 word0 gap1 word1 ... word(n-1) gap(n)). Immutable once built.</summary>
internal sealed class EdaSentence(string[] words, string[] keys, string[] gaps)
{
    public string[] Words { get; } = words;

    public string[] Keys { get; } = keys;

    public string[] Gaps { get; } = gaps;

    public int Count => Words.Length;
}
