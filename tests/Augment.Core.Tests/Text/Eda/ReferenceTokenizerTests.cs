using Augment.Core.Text.Eda;

namespace Augment.Core.Tests.Text.Eda;

public class ReferenceTokenizerTests
{
    [Theory]
    [InlineData("Hello, World!", "hello world")]
    [InlineData("don't stop-me   now\t42 times", "dont stop me now times")]
    [InlineData("It’s  café time", "its caf time")]
    [InlineData("...", "")]
    public void Tokenize_LikeGetOnlyChars(string input, string expected)
    {
        var s = ReferenceTokenizer.Tokenize(input);
        Assert.Equal(expected, string.Join(' ', s.Words));
        Assert.Equal(s.Words, s.Keys);
        Assert.Equal(s.Count + 1, s.Gaps.Length);
    }
}
