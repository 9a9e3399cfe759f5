using Augment.Core.Data;

namespace Augment.Core.Tests.Data;

public sealed class IdxFileTests
{
    [Fact]
    public void ReadImages_GzipAndPlain_GiveSameData()
    {
        using var files = new DataTestFiles();
        var gz = files.WriteIdx("a", [1, 2, 3], gzip: true);
        var plain = files.WriteIdx("b", [1, 2, 3], gzip: false);
        var x = IdxFile.ReadImages(gz);
        var y = IdxFile.ReadImages(plain);
        Assert.Equal((3, 4, 3), (x.Count, x.Rows, x.Cols));
        Assert.Equal(x.Pixels, y.Pixels);
        Assert.Equal(5, x.Pixels[(1 * 4 + 2) * 3 + 2]);
    }

    [Fact]
    public void ReadLabels_FashionMnistSample_HasTenClasses()
    {
        var labels = IdxFile.ReadLabels(Path.Combine(DataTestFiles.SampleFolder, "train-labels-idx1-ubyte.gz"));
        Assert.Equal(4000, labels.Length);
        Assert.Equal(10, labels.Distinct().Count());
    }

    [Fact]
    public void ReadImages_LabelsFile_FailsNamingFileAndMagic()
    {
        using var files = new DataTestFiles();
        files.WriteIdx("a", [1, 2]);
        var labels = files.PathOf("a-labels-idx1-ubyte.gz");
        var ex = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(labels));
        Assert.Contains(labels, ex.Message, StringComparison.Ordinal);
        Assert.Contains("magic number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_Truncated_FailsWithByteCounts()
    {
        using var files = new DataTestFiles();
        var path = files.WriteIdx("a", [1, 2, 3], gzip: false);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        var ex = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path));
        Assert.Equal(DatasetErrorKind.BadFormat, ex.Kind);
        Assert.Contains("truncated data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_MissingFile_IsNotFound()
    {
        var ex = Assert.Throws<DatasetException>(() => IdxFile.ReadImages("/nonexistent/x-images-idx3-ubyte"));
        Assert.Equal(DatasetErrorKind.NotFound, ex.Kind);
    }

    [Fact]
    public void ReadImages_CorruptGzip_FailsNamingFile()
    {
        using var files = new DataTestFiles();
        var path = files.PathOf("bad-images-idx3-ubyte.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7]);
        var ex = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }
}
