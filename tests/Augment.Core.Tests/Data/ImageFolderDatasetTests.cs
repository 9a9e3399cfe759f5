using Augment.Core.Data;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Data;

public sealed class ImageFolderDatasetTests
{
    [Fact]
    public void Open_ClassFolders_SortsClassesAndFilesOrdinally()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/dog/b.png", 5, 4, 1);
        files.WritePng("ds/dog/a.png", 5, 4, 2);
        files.WritePng("ds/cat/x/z.png", 6, 3, 3);
        File.WriteAllText(files.PathOf("ds/cat/readme.txt"), "not an image");
        var ds = ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default);
        Assert.Equal(["cat", "dog"], ds.ClassNames);
        Assert.Equal(3, ds.Count);
        Assert.Equal([0, 1, 1], ds.Labels);
        Assert.Equal("cat/x/z.png", ds.RelativePath(0));
        Assert.Equal("dog/a.png", ds.RelativePath(1));
        Assert.False(ds.HasBoxes);
        Assert.Null(ds.SampleShape);
        var img = ds.Load(0).Image;
        Assert.Equal((6, 3, 3), (img.Width, img.Height, img.Channels));
    }

    [Fact]
    public void Open_WithBoxesFile_AttachesBoxesPerFile()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/a/1.png", 8, 8, 1);
        files.WritePng("ds/a/2.png", 8, 8, 2);
        File.WriteAllText(files.PathOf("ds/boxes.csv"), "a/2.png,1,1,4,4,3\n");
        var ds = ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default);
        Assert.True(ds.HasBoxes);
        Assert.Empty(ds.Load(0).Boxes);
        Assert.Equal([new BoundingBox(1, 1, 4, 4, 3)], ds.Load(1).Boxes);
    }

    [Fact]
    public void Open_BoxesFileNamesUnknownImage_Fails()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/a/1.png", 8, 8, 1);
        File.WriteAllText(files.PathOf("ds/boxes.csv"), "a/9.png,1,1,4,4,3\n");
        var ex = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default));
        Assert.Contains("\"a/9.png\" is not an image of this dataset", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SymlinkedFileAndFolder_AreSkipped()
    {
        using var files = new DataTestFiles();
        var outside = files.WritePng("outside/secret.png", 4, 4, 1);
        files.WritePng("ds/a/1.png", 4, 4, 1);
        File.CreateSymbolicLink(files.PathOf("ds/a/link.png"), outside);
        Directory.CreateSymbolicLink(files.PathOf("ds/b"), files.PathOf("outside"));
        var ds = ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default);
        Assert.Equal(["a"], ds.ClassNames);
        Assert.Equal(1, ds.Count);
    }

    [Fact]
    public void Open_NoClassFolders_FailsSayingWhatIsExpected()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/1.png", 4, 4, 1);
        var ex = Assert.Throws<DatasetException>(() => ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default));
        Assert.Contains("no class sub-folders", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptFile_ThrowsDecodeErrorNamingFile()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/a/1.png", 4, 4, 1);
        File.WriteAllBytes(files.PathOf("ds/a/2.png"), [1, 2, 3, 4, 5]);
        var ds = ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default);
        var ex = Assert.Throws<ImageDecodeException>(() => ds.Load(1));
        Assert.Contains("2.png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithCache_DecodesOnce()
    {
        using var files = new DataTestFiles();
        files.WritePng("ds/a/1.png", 4, 4, 1);
        var cache = new DecodedImageCache(1 << 20);
        var ds = ImageFolderDataset.Open("ds", files.PathOf("ds"), DecodeLimits.Default, cache);
        var first = ds.Load(0).Image;
        File.Delete(files.PathOf("ds/a/1.png"));
        var second = ds.Load(0).Image;
        Assert.Same(first, second);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
    }
}
