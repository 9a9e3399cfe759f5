using System.Runtime.CompilerServices;
using Augment.Core.Text.Eda;
using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Lexicons;

/// <summary>Our synonyms against NLTK's (the reference EDA's source), from a fixture written by
/// bench/text/nltk_synonym_fixture.py over the same Debian WordNet 3.0.</summary>
public class NltkParityTests
{
    private static string FixturePath([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "nltk-synonyms.tsv");

    [Fact]
    public void EmbeddedLexicon_ReferenceCleaning_SameSynonymSetsAsNltk()
    {
        var table = new SynonymTable(SynonymLexicon.EmbeddedWordNet(), EdaTokenization.Reference);
        var lines = File.ReadAllLines(FixturePath());
        Assert.True(lines.Length > 600);
        var withSynonyms = 0;
        foreach (var line in lines)
        {
            var parts = line.Split('\t');
            var expected = parts[1].Length == 0 ? [] : parts[1].Split('|');
            withSynonyms += expected.Length > 0 ? 1 : 0;
            Assert.True(expected.Order(StringComparer.Ordinal).SequenceEqual(table.Get(parts[0]).Order(StringComparer.Ordinal)), $"synonyms of '{parts[0]}' differ from NLTK's");
        }
        Assert.True(withSynonyms > 300);
    }
}
