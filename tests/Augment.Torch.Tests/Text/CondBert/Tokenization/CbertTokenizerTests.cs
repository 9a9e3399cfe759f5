using Augment.Torch.Text.CondBert.Tokenization;

namespace Augment.Torch.Tests.Text.CondBert.Tokenization;

public sealed class CbertTokenizerTests
{
    [Fact]
    public void Tokenize_WordPieces_MapBackToWordsAndTruncateAtWholeWords()
    {
        var path = Write(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "play", "##ing", "##ed", "we", ",", "run"]);
        try
        {
            var tokenizer = CbertTokenizer.Load(path, lowerCase: true);
            var t = tokenizer.Tokenize("We played, playing run", 100);
            Assert.Equal([8, 5, 7, 9, 5, 6, 10], t.PieceIds);
            Assert.Equal([0, 1, 1, 2, 3, 3, 4], t.PieceWord);
            Assert.True(tokenizer.IsContinuation[6]);
            Assert.True(tokenizer.IsSpecial[4]);
            var cut = tokenizer.Tokenize("We played, playing run", 5);
            Assert.Equal([8, 5, 7, 9], cut.PieceIds);
            Assert.Equal(3, cut.Words.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("[MASK]")]
    [InlineData("[CLS]")]
    [InlineData("[PAD]")]
    public void Load_VocabMissingASpecialToken_FailsNamingIt(string missing)
    {
        var path = Write([.. new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a" }.Where(t => t != missing)]);
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => CbertTokenizer.Load(path, true));
            Assert.Contains(missing, e.Message);
            Assert.Contains(path, e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(string[] tokens)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, tokens);
        return path;
    }
}
