using Augment.Core.Text.Eda;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Text.Eda;

public class PreserveTokenizerTests
{
    [Fact]
    public void Tokenize_KeepsContractionsHyphensAndPunctuationInGaps()
    {
        var s = PreserveTokenizer.Tokenize("\"Don't\" state-of-the-art, OK? -x");
        Assert.Equal(["Don't", "state-of-the-art", "OK", "x"], s.Words);
        Assert.Equal(["\"", "\" ", ", ", "? -", ""], s.Gaps);
        Assert.Equal(["don't", "state-of-the-art", "ok", "x"], s.Keys);
    }

    [Fact]
    public void Tokenize_CurlyApostrophe_KeyUsesStraightApostrophe()
    {
        Assert.Equal(["it's"], PreserveTokenizer.Tokenize("It’s").Keys);
    }

    [Property]
    public bool Tokenize_AnyText_GapsAndWordsRebuildIt(string? text)
    {
        text ??= "";
        var s = PreserveTokenizer.Tokenize(text);
        return EdaKernels.Join(s.Words, s.Gaps, new System.Text.StringBuilder()) == text && s.Gaps.Length == s.Count + 1;
    }
}
