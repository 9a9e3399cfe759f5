using Augment.Core.Randomness;

namespace Augment.Core.Tests.Randomness;

public class StableHashTests
{
    [Fact]
    public void Of_KnownStrings_MatchPinnedValues()
    {
        Assert.Equal(StableHash.Of("flip"), StableHash.Of("flip"));
        Assert.NotEqual(StableHash.Of("flip"), StableHash.Of("flop"));
        // Pinned: FNV-1a 64 of "" is the offset basis, then the SplitMix64 finaliser.
        Assert.Equal(SplitMix64.Mix(14695981039346656037UL), StableHash.Of(""));
    }

    [Fact]
    public void Of_LongString_UsesHeapPathConsistently()
    {
        var s = new string('x', 1000);
        Assert.Equal(StableHash.Of(s), StableHash.Of(new string('x', 1000)));
    }
}
