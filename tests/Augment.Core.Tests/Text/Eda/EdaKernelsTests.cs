using System.Text;
using Augment.Core.Randomness;
using Augment.Core.Tests.Text;
using Augment.Core.Text.Eda;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Text.Eda;

public class EdaKernelsTests
{
    private static readonly SynonymTable Animals = new(TestLexicons.Animals(), EdaTokenization.Preserve);
    private static readonly StringBuilder Sb = new();

    private static Rng Rng(long i) => new SampleKey(7, 0, i).For(1);

    private static string[] Words(string text) => PreserveTokenizer.Tokenize(text).Words;

    [Fact]
    public void SynonymReplacement_ReplacesExactlyNDistinctWordsWithLexiconSynonyms()
    {
        var s = PreserveTokenizer.Tokenize("the quick dog and the big cat run");
        for (var i = 0; i < 200; i++)
        {
            var rng = Rng(i);
            var output = Words(EdaKernels.SynonymReplacement(EdaAnalysis.Create(s, new SynonymTable(TestLexicons.Animals(), EdaTokenization.Preserve)), 2, ref rng, new StringBuilder()));
            Assert.Equal(s.Count, output.Length);
            var changed = Enumerable.Range(0, s.Count).Where(j => output[j] != s.Words[j]).ToArray();
            Assert.Equal(2, changed.Length);
            foreach (var j in changed)
            {
                Assert.Contains(output[j], Animals.Get(s.Keys[j]));
            }
        }
    }

    [Fact]
    public void SynonymReplacement_StopWordsNeverReplaced()
    {
        var lexicon = TestLexicons.Groups("the\tdefinite article", "and\tplus", "dog\thound");
        var table = new SynonymTable(lexicon, EdaTokenization.Preserve);
        var s = PreserveTokenizer.Tokenize("the dog and the dog");
        for (var i = 0; i < 50; i++)
        {
            var rng = Rng(i);
            Assert.Equal("the hound and the hound", EdaKernels.SynonymReplacement(EdaAnalysis.Create(s, table), 5, ref rng, Sb));
        }
    }

    [Fact]
    public void SynonymReplacement_MatchesCaseOfReplacedWord()
    {
        var s = PreserveTokenizer.Tokenize("Dog, DOG and dog.");
        var rng = Rng(1);
        var table = new SynonymTable(TestLexicons.Groups("dog\thound"), EdaTokenization.Preserve);
        Assert.Equal("Hound, HOUND and hound.", EdaKernels.SynonymReplacement(EdaAnalysis.Create(s, table), 1, ref rng, Sb));
    }

    [Fact]
    public void RandomInsertion_InsertsNSynonymsNeverAtTheEnd()
    {
        var s = PreserveTokenizer.Tokenize("quick dog");
        var all = new[] { "quick", "dog", "fast", "rapid", "hound", "canine" };
        for (var i = 0; i < 200; i++)
        {
            var rng = Rng(i);
            var output = Words(EdaKernels.RandomInsertion(EdaAnalysis.Create(s, Animals), 2, false, ref rng, Sb));
            Assert.Equal(4, output.Length);
            Assert.All(output, w => Assert.Contains(w, all));
            Assert.True(output[^1] is "dog" or "quick");
        }
    }

    [Fact]
    public void RandomInsertion_NoSynonymsAnywhere_LeavesSentenceAfterTenTries()
    {
        var s = PreserveTokenizer.Tokenize("zzz yyy");
        var rng = Rng(3);
        Assert.Equal("zzz yyy", EdaKernels.RandomInsertion(EdaAnalysis.Create(s, Animals), 3, false, ref rng, Sb));
    }

    [Fact]
    public void RandomInsertion_SkipStopWords_OnlyContentWordSynonyms()
    {
        var table = new SynonymTable(TestLexicons.Groups("the\tdefinite", "dog\thound"), EdaTokenization.Preserve);
        var s = PreserveTokenizer.Tokenize("the dog");
        for (var i = 0; i < 50; i++)
        {
            var rng = Rng(i);
            var output = Words(EdaKernels.RandomInsertion(EdaAnalysis.Create(s, table), 1, true, ref rng, Sb));
            Assert.DoesNotContain("definite", output);
        }
    }

    [Fact]
    public void RandomInsertion_KeepsPunctuationInPlace()
    {
        var s = PreserveTokenizer.Tokenize("Quick, dog!");
        var rng = Rng(5);
        var output = EdaKernels.RandomInsertion(EdaAnalysis.Create(s, Animals), 1, false, ref rng, Sb);
        Assert.EndsWith("dog!", output, StringComparison.Ordinal);
        Assert.Contains(",", output, StringComparison.Ordinal);
    }

    [Property(MaxTest = 200)]
    public bool RandomSwap_PreservesTheMultisetOfWords(int seed, byte n)
    {
        var s = PreserveTokenizer.Tokenize("one two three four five six, seven eight.");
        var rng = Rng(seed);
        var output = EdaKernels.RandomSwap(s, n % 10, ref rng, Sb);
        return Words(output).Order().SequenceEqual(s.Words.Order()) && output.EndsWith('.') && output.Count(c => c == ',') == 1;
    }

    [Fact]
    public void RandomSwap_ChangesOrderForMostDraws()
    {
        var s = PreserveTokenizer.Tokenize("a b c d e f g h i j");
        var changed = 0;
        for (var i = 0; i < 100; i++)
        {
            var rng = Rng(i);
            changed += EdaKernels.RandomSwap(s, 1, ref rng, Sb) != "a b c d e f g h i j" ? 1 : 0;
        }
        Assert.True(changed >= 95, $"only {changed} of 100 swaps changed the sentence");
    }

    [Property(MaxTest = 300)]
    public bool RandomDeletion_NeverEmptiesASentence(int seed, byte words)
    {
        var count = 1 + words % 12;
        var s = PreserveTokenizer.Tokenize(string.Join(' ', Enumerable.Range(0, count).Select(i => "w" + i)));
        var rng = Rng(seed);
        var output = Words(EdaKernels.RandomDeletion(s, 0.9, ref rng, Sb));
        return output.Length >= 1 && output.All(s.Words.Contains);
    }

    [Fact]
    public void RandomDeletion_DeletesAboutAlphaOfWords()
    {
        var text = string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i));
        var s = PreserveTokenizer.Tokenize(text);
        var deleted = 0;
        for (var i = 0; i < 100; i++)
        {
            var rng = Rng(i);
            deleted += 100 - Words(EdaKernels.RandomDeletion(s, 0.1, ref rng, Sb)).Length;
        }
        Assert.InRange(deleted, 800, 1200);
    }

    [Fact]
    public void RandomDeletion_KeepsPunctuationAndSpacingTidy()
    {
        var s = PreserveTokenizer.Tokenize("I love cats, and dogs.");
        var seen = new HashSet<string>();
        for (var i = 0; i < 300; i++)
        {
            var rng = Rng(i);
            var output = EdaKernels.RandomDeletion(s, 0.3, ref rng, Sb);
            Assert.DoesNotContain("  ", output, StringComparison.Ordinal);
            Assert.False(output.StartsWith(' '));
            Assert.EndsWith(".", output, StringComparison.Ordinal);
            seen.Add(output);
        }
        Assert.Contains("I love, and dogs.", seen);
        Assert.Contains("I love cats, and.", seen);
    }

    [Fact]
    public void RandomDeletion_OneWord_Unchanged()
    {
        var s = PreserveTokenizer.Tokenize("Hello!");
        var rng = Rng(0);
        Assert.Equal("Hello!", EdaKernels.RandomDeletion(s, 1.0, ref rng, Sb));
    }

    [Theory]
    [InlineData("dog", "hound", "hound")]
    [InlineData("Dog", "hound", "Hound")]
    [InlineData("DOG", "big hound", "BIG HOUND")]
    [InlineData("I", "iodine", "Iodine")]
    [InlineData("Dog", "Canis familiaris", "Canis familiaris")]
    public void MatchCase_FollowsOriginalShape(string original, string replacement, string expected)
    {
        Assert.Equal(expected, EdaKernels.MatchCase(original, replacement));
    }
}
