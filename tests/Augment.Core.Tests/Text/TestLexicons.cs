using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text;

/// <summary>Small synonym lexicons written to real files.</summary>
internal static class TestLexicons
{
    public const string WordNetFolder = "/usr/share/wordnet";

    public static SynonymLexicon Groups(params string[] lines)
    {
        using var dir = new TempDir();
        return SynonymLexicon.FromSynonymFile(dir.Write("synonyms.txt", string.Join('\n', lines)));
    }

    /// <summary>quick/fast/rapid, big/large/huge, dog/hound/canine, cat/feline, run/sprint.</summary>
    public static SynonymLexicon Animals() => Groups(
        "quick\tfast\trapid",
        "big, large, huge",
        "dog\thound\tcanine",
        "cat\tfeline",
        "run\tsprint");
}
