using Augment.Torch.Text.CondBert.Tokenization;

namespace Augment.Torch.Tests.Text.CondBert.Tokenization;

public sealed class VocabularyBuilderTests
{
    [Fact]
    public void Build_Corpus_SpecialsFirstThenCharactersThenFrequentWords()
    {
        var vocab = VocabularyBuilder.Build(["The cat sat.", "the cat ran", "A dog!"], maxWords: 2);
        Assert.Equal(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], vocab.Take(5));
        Assert.Contains("t", vocab);
        Assert.Contains("##t", vocab);
        Assert.Contains(".", vocab);
        Assert.Equal(["cat", "the"], vocab.TakeLast(2).Order());
        Assert.Equal(vocab.Count, vocab.Distinct().Count());
    }

    [Fact]
    public void Build_ThenTokenize_NoWordOfTheCorpusIsUnknown()
    {
        string[] corpus = ["Ünïcode naïve café", "rare words spelled by characters", "frequent frequent frequent"];
        var vocab = VocabularyBuilder.Build(corpus, maxWords: 1);
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        try
        {
            VocabularyBuilder.Write(path, vocab);
            var tokenizer = CbertTokenizer.Load(path, lowerCase: true);
            foreach (var sentence in corpus)
            {
                var t = tokenizer.Tokenize(sentence, 100);
                Assert.DoesNotContain(tokenizer.UnkId, t.PieceIds);
                Assert.Equal(
                    WordSplitter.Split(sentence).Select(w => CbertTokenizer.Normalise(sentence.Substring(w.Start, w.Length), true)),
                    Enumerable.Range(0, t.Words.Count).Select(w => tokenizer.Join([.. t.PieceIds.Where((_, p) => t.PieceWord[p] == w)])));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
