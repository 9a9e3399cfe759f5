using Augment.Torch.Text.CondBert.Tokenization;

namespace Augment.Torch.Tests.Text.CondBert.Tokenization;

public sealed class WordSplitterTests
{
    [Fact]
    public void Split_PunctuationAndSpaces_PunctuationIsItsOwnWordAndSpansPointIntoText()
    {
        const string text = "  Hello, world!  It's\tfine…";
        var words = WordSplitter.Split(text).Select(w => text.Substring(w.Start, w.Length)).ToList();
        Assert.Equal(["Hello", ",", "world", "!", "It", "'", "s", "fine", "…"], words);
    }

    [Fact]
    public void Split_Empty_NoWords() => Assert.Empty(WordSplitter.Split("   "));
}
