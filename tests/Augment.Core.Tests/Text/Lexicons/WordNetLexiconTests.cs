using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Lexicons;

public class WordNetLexiconTests
{
    private static readonly SynonymLexicon Embedded = SynonymLexicon.EmbeddedWordNet();
    private static readonly Lazy<SynonymLexicon> Folder = new(() => SynonymLexicon.FromWordNetDatabase(TestLexicons.WordNetFolder));

    [Fact]
    public void Lookup_Noun_ReturnsSynsetLemmasWithSpaces()
    {
        var synonyms = Embedded.Lookup("dog");
        Assert.Contains("domestic dog", synonyms);
        Assert.Contains("Canis familiaris", synonyms);
        Assert.Contains("frump", synonyms);
    }

    [Fact]
    public void Lookup_RegularPlural_SameAsLemma()
    {
        Assert.Equal(Embedded.Lookup("dog"), Embedded.Lookup("dogs"));
    }

    [Fact]
    public void Lookup_IrregularVerb_UsesExceptionList()
    {
        var ran = Embedded.Lookup("ran");
        Assert.Contains("run", ran);
        Assert.Contains("scat", ran);
    }

    [Fact]
    public void Lookup_UpperCase_IsCaseInsensitive()
    {
        Assert.Equal(Embedded.Lookup("happy"), Embedded.Lookup("HAPPY"));
        Assert.NotEmpty(Embedded.Lookup("happy"));
    }

    [Fact]
    public void Lookup_UnknownOrTooLong_ReturnsEmpty()
    {
        Assert.Empty(Embedded.Lookup("qwxzvbn"));
        Assert.Empty(Embedded.Lookup(new string('a', WordNetLexicon.MaxWordLength + 1)));
        Assert.Empty(Embedded.Lookup(""));
    }

    [Fact]
    public void Lookup_AdversarialSuffixes_FinishesQuickly()
    {
        var word = string.Concat(Enumerable.Repeat("es", 40));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var synonyms = Embedded.Lookup(word);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains("einsteinium", synonyms); // NLTK's repeated rule rounds reduce it to "es"

    }

    [Fact]
    public void FromWordNetDatabase_DebianWordNet_MatchesEmbeddedLexicon()
    {
        var folder = Folder.Value;
        var words = new[] { "dog", "dogs", "ran", "running", "better", "best", "geese", "quickly", "bank", "banks", "happier", "wolves", "mice", "church", "churches", "able" };
        foreach (var word in words)
        {
            Assert.Equal(folder.Lookup(word), Embedded.Lookup(word));
        }
        var db = Assert.IsType<WordNetLexicon>(folder).Database;
        Assert.Equal(117659, db.SynsetCount);
        Assert.Equal(db.SynsetCount, ((WordNetLexicon)Embedded).Database.SynsetCount);
    }

    [Fact]
    public void FromWordNetDatabase_EveryIndexEntrySynsetAndException_MatchesEmbedded()
    {
        var folder = (WordNetLexicon)Folder.Value;
        var embedded = (WordNetLexicon)Embedded;
        foreach (var pos in new[] { WordNetPos.Noun, WordNetPos.Verb, WordNetPos.Adjective, WordNetPos.Adverb })
        {
            var a = folder.Database.Part(pos);
            var b = embedded.Database.Part(pos);
            Assert.Equal(a.Index.Count, b.Index.Count);
            Assert.Equal(a.Exceptions.Count, b.Exceptions.Count);
            foreach (var (lemma, ids) in a.Index)
            {
                Assert.Equal(ids, b.Index[lemma]);
            }
            for (var i = 0; i < a.Synsets.Length; i++)
            {
                Assert.Equal(a.Synsets[i], b.Synsets[i]);
            }
        }
    }
}
