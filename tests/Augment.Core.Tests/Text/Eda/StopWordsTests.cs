using Augment.Core.Text.Eda;

namespace Augment.Core.Tests.Text.Eda;

public class StopWordsTests
{
    [Fact]
    public void All_IsTheReferenceList()
    {
        Assert.Equal(128, StopWords.All.Count);
    }

    [Theory]
    [InlineData("the", true)]
    [InlineData("don't", true)]
    [InlineData("it's", true)]
    [InlineData("", true)]
    [InlineData("dog", false)]
    [InlineData("dog's", false)]
    public void Contains_ListAndContractions(string word, bool expected)
    {
        Assert.Equal(expected, StopWords.Contains(word));
    }
}
