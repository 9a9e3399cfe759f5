using Augment.Torch.Training.Runs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Augment.Torch.Tests.Training.Runs;

public sealed class DatasetResolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-resolver-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private void Png(string split, string cls, string name, int w, int h, byte value)
    {
        var folder = Path.Combine(_dir, split, cls);
        Directory.CreateDirectory(folder);
        using var image = new Image<Rgb24>(w, h, new Rgb24(value, (byte)(value / 2), 7));
        image.SaveAsPng(Path.Combine(folder, name));
    }

    [Fact]
    public void Load_ImageFolders_ReadsChwSamplesAndLabels()
    {
        Png("train", "cat", "a.png", 4, 3, 200);
        Png("train", "dog", "b.png", 4, 3, 100);
        Png("train", "dog", "c.png", 4, 3, 50);
        Png("test", "cat", "d.png", 4, 3, 10);
        Png("test", "dog", "e.png", 4, 3, 20);
        var (train, test) = DatasetResolver.Load(_dir);
        Assert.Equal(3, train.Count);
        Assert.Equal([3, 3, 4], train.SampleShape);
        Assert.Equal([0, 1, 1], Enumerable.Range(0, 3).Select(train.Label));
        var buf = new byte[36];
        train.Read(1, default, buf);
        Assert.All(buf[..12], b => Assert.Equal(100, b)); // red plane
        Assert.All(buf[12..24], b => Assert.Equal(50, b)); // green plane
        Assert.All(buf[24..], b => Assert.Equal(7, b)); // blue plane
        Assert.Equal(2, test.Count);
    }

    [Fact]
    public void Load_ImagesOfDifferentSizes_NamesTheFile()
    {
        Png("train", "cat", "a.png", 4, 3, 200);
        Png("train", "dog", "big.png", 8, 3, 100);
        Png("test", "cat", "d.png", 4, 3, 10);
        var ex = Assert.Throws<InvalidDataException>(() => DatasetResolver.Load(_dir));
        Assert.Contains("big.png", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownName_SaysWhatIsExpected()
    {
        var ex = Assert.Throws<DirectoryNotFoundException>(() => DatasetResolver.Load("no-such-dataset"));
        Assert.Contains("fashion-mnist", ex.Message, StringComparison.Ordinal);
    }
}
