using Augment.Core.Randomness;
using Augment.Core.Tests.Text;
using Augment.Core.Text.Eda;
using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Eda;

public class EdaAugmenterTests
{
    private const string Sentence = "The quick brown dog jumps over the big lazy cat while the fox runs.";

    private static EdaAugmenter Create(EdaOptions? options = null) => new(options ?? new EdaOptions(), SynonymLexicon.EmbeddedWordNet());

    [Fact]
    public void Augment_Defaults_NineVariantsThenOriginal()
    {
        var outputs = Create().Augment(Sentence, new SampleKey(0, 0, 0));
        Assert.Equal(10, outputs.Count);
        Assert.Equal(Enumerable.Range(0, 9), outputs.Take(9).Select(o => o.Variant));
        Assert.Equal(new AugmentedText(Sentence, EdaOperation.Original, -1), outputs[^1]);
        Assert.All(outputs.Take(9), o => Assert.NotEqual(EdaOperation.Original, o.Operation));
    }

    [Fact]
    public void Plan_NumAugNine_AtMostThreePerOperation()
    {
        var augmenter = Create();
        for (var i = 0; i < 50; i++)
        {
            var plan = augmenter.Plan(new SampleKey(1, 0, i));
            Assert.Equal(9, plan.Length);
            Assert.All(plan.GroupBy(p => p), g => Assert.InRange(g.Count(), 1, 3));
        }
    }

    [Fact]
    public void Plan_OnlySynonymReplacement_CandidatesLimitOutputsLikeTheReference()
    {
        var augmenter = Create(new EdaOptions { AlphaRi = 0, AlphaRs = 0, AlphaRd = 0, NumAug = 9 });
        Assert.Equal(Enumerable.Repeat(EdaOperation.SynonymReplacement, 3), augmenter.Plan(new SampleKey(0, 0, 0)));
    }

    [Fact]
    public void Plan_FractionalNumAug_KeepsAboutThatManyOnAverage()
    {
        var augmenter = Create(new EdaOptions { NumAug = 0.5 });
        var total = Enumerable.Range(0, 2000).Sum(i => augmenter.Plan(new SampleKey(0, 0, i)).Length);
        Assert.InRange(total, 850, 1150);
    }

    [Fact]
    public void Augment_SameKey_SameOutputs_DifferentSeed_DifferentOutputs()
    {
        var a = Create().Augment(Sentence, new SampleKey(3, 0, 5));
        var b = Create().Augment(Sentence, new SampleKey(3, 0, 5));
        var c = Create().Augment(Sentence, new SampleKey(4, 0, 5));
        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(o => o.Text), c.Select(o => o.Text));
    }

    [Fact]
    public void Augment_VariantK_DependsOnlyOnKeyAndOperation()
    {
        var nine = Create().Augment(Sentence, new SampleKey(3, 0, 5));
        var swapOnly = Create(new EdaOptions { AlphaSr = 0, AlphaRi = 0, AlphaRd = 0, NumAug = 1 }).Augment(Sentence, new SampleKey(3, 0, 5));
        var k = nine.ToList().FindIndex(o => o.Operation == EdaOperation.RandomSwap && o.Variant == 0);
        if (k == 0)
        {
            Assert.Equal(nine[0].Text, swapOnly[0].Text);
        }
        Assert.Equal(EdaOperation.RandomSwap, swapOnly[0].Operation);
    }

    [Fact]
    public void Augment_ParallelAndSerial_Agree()
    {
        var augmenter = Create();
        var texts = Enumerable.Range(0, 200).Select(i => $"Sample {i}: the quick brown fox jumps over {i % 7} lazy dogs near the river bank.").ToArray();
        var serial = texts.Select((t, i) => augmenter.Augment(t, new SampleKey(9, 0, i)).Select(o => o.Text).ToArray()).ToArray();
        var parallel = new string[texts.Length][];
        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Create().Augment(texts[i], new SampleKey(9, 0, i)).Select(o => o.Text).ToArray());
        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void Augment_NoWords_OnlyOriginal()
    {
        Assert.Equal([new AugmentedText("?!", EdaOperation.Original, -1)], Create().Augment("?!", new SampleKey(0, 0, 0)));
        Assert.Empty(Create(new EdaOptions { KeepOriginal = false }).Augment("?!", new SampleKey(0, 0, 0)));
    }

    [Fact]
    public void Augment_ReferenceTokenization_LowerCaseLettersOnly()
    {
        var outputs = Create(new EdaOptions { Tokenization = EdaTokenization.Reference }).Augment("Hello, World! It's 2024.", new SampleKey(0, 0, 0));
        Assert.Equal("hello world its", outputs[^1].Text);
        Assert.All(outputs, o => Assert.Matches("^[a-z ]+$", o.Text));
    }

    [Theory]
    [InlineData(0.2, 4)]
    [InlineData(0.1, 2)]
    [InlineData(0.01, 1)]
    [InlineData(0.5, 10)]
    public void Augment_SynonymReplacementCounts_FollowAlpha(double alpha, int expected)
    {
        // 20 distinct content words, each with one synonym: n = max(1, floor(alpha * 20)) words change.
        var original = Enumerable.Range(0, 20).Select(i => "word" + (char)('a' + i)).ToArray();
        var lexicon = TestLexicons.Groups(original.Select(w => w + "\tsyn" + w).ToArray());
        var augmenter = new EdaAugmenter(new EdaOptions { AlphaSr = alpha, AlphaRi = 0, AlphaRs = 0, AlphaRd = 0, NumAug = 1, KeepOriginal = false }, lexicon);
        for (var i = 0; i < 30; i++)
        {
            var tokens = augmenter.Augment(string.Join(' ', original), new SampleKey(0, 0, i))[0].Text.Split(' ');
            Assert.Equal(expected, tokens.Count(t => t.StartsWith("syn", StringComparison.Ordinal)));
            Assert.All(tokens.Where(t => t.StartsWith("syn", StringComparison.Ordinal)), t => Assert.Contains(t[3..], original));
        }
    }

    [Fact]
    public void Augment_SynonymsComeFromTheLexicon()
    {
        var augmenter = Create(new EdaOptions { AlphaSr = 0.3, AlphaRi = 0, AlphaRs = 0, AlphaRd = 0, NumAug = 1, KeepOriginal = false });
        var lexicon = SynonymLexicon.EmbeddedWordNet();
        var original = PreserveTokenizer.Tokenize("happy children play football").Words;
        var output = augmenter.Augment("happy children play football", new SampleKey(0, 0, 0))[0].Text;
        var replaced = original.Where(w => !output.Contains(w, StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(replaced);
        Assert.Contains(lexicon.Lookup(replaced[0]), s => output.Contains(s, StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<ArgumentException>(() => Create(new EdaOptions { AlphaRs = 2 }));
    }
}
