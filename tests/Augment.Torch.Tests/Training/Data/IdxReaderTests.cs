using System.IO.Compression;
using Augment.Torch.Training.Data;

namespace Augment.Torch.Tests.Training.Data;

public sealed class IdxReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-idx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        using var f = File.Create(path);
        using var gz = new GZipStream(f, CompressionLevel.Fastest);
        gz.Write(bytes);
        return path;
    }

    [Fact]
    public void Load_SmallFiles_ReadsImagesAndLabels()
    {
        var images = Write("i.gz", [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8]);
        var labels = Write("l.gz", [0, 0, 8, 1, 0, 0, 0, 2, 3, 9]);
        var source = IdxReader.Load(images, labels);
        Assert.Equal(2, source.Count);
        Assert.Equal([1, 2, 2], source.SampleShape);
        Assert.Equal(9, source.Label(1));
        var buf = new byte[4];
        source.Read(1, default, buf);
        Assert.Equal([5, 6, 7, 8], buf);
    }

    [Fact]
    public void Load_WrongMagic_NamesTheFile()
    {
        var images = Write("bad.gz", [0, 0, 8, 1, 0, 0, 0, 0]);
        var labels = Write("l.gz", [0, 0, 8, 1, 0, 0, 0, 0]);
        var ex = Assert.Throws<Augment.Core.Data.DatasetException>(() => IdxReader.Load(images, labels));
        Assert.Contains("bad.gz", ex.Message, StringComparison.Ordinal);
    }
}
