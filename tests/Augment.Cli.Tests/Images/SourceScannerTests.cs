using Augment.Cli.Commands.Images;

namespace Augment.Cli.Tests.Images;

public sealed class SourceScannerTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Scan_Tree_ListsImagesSortedAndIgnoresOthersAndHidden()
    {
        foreach (var f in new[] { "b/2.png", "b/10.JPG", "a/x.webp", "a/notes.txt", ".cache/z.png", "a/.hidden.png", "top.tiff" })
        {
            var path = _dir.Combine(f.Split('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "x");
        }

        var found = SourceScanner.Scan(_dir.Path, out var ignored);

        Assert.Equal(["a/x.webp", "b/10.JPG", "b/2.png", "top.tiff"], found.Select(s => s.RelativePath));
        Assert.Equal(["a/notes.txt"], ignored);
        Assert.All(found, s => Assert.True(File.Exists(s.FullPath)));
    }
}
