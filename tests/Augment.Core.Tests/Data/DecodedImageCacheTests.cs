using Augment.Core.Data;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Data;

public sealed class DecodedImageCacheTests
{
    private static ImageBuffer Image(int bytes) => new(bytes, 1, 1, new byte[bytes]);

    [Fact]
    public void GetOrAdd_BeyondBudget_KeepsOnlyWhatFits()
    {
        var cache = new DecodedImageCache(250);
        var owner = new object();
        var loads = 0;
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                cache.GetOrAdd(owner, i, () => { loads++; return Image(100); });
            }
        }
        Assert.Equal(2, cache.Count);
        Assert.Equal(200, cache.Bytes);
        Assert.Equal(5 + 3, loads);
        Assert.Equal(2, cache.Hits);
    }

    [Fact]
    public void GetOrAdd_ZeroBudget_AlwaysLoads()
    {
        var cache = new DecodedImageCache(0);
        var loads = 0;
        cache.GetOrAdd(this, 0, () => { loads++; return Image(1); });
        cache.GetOrAdd(this, 0, () => { loads++; return Image(1); });
        Assert.Equal(2, loads);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void GetOrAdd_ConcurrentAdds_NeverExceedBudget()
    {
        var cache = new DecodedImageCache(1000);
        Parallel.For(0, 200, i => cache.GetOrAdd(this, i, () => Image(30)));
        Assert.True(cache.Bytes <= 1000, $"{cache.Bytes} bytes held");
        Assert.Equal(cache.Count * 30, cache.Bytes);
    }

    [Fact]
    public void GetOrAdd_DifferentOwners_AreSeparateEntries()
    {
        var cache = new DecodedImageCache(1000);
        var a = cache.GetOrAdd("a", 0, () => Image(1));
        var b = cache.GetOrAdd("b", 0, () => Image(2));
        Assert.NotSame(a, b);
        Assert.Same(a, cache.GetOrAdd("a", 0, () => Image(3)));
    }
}
