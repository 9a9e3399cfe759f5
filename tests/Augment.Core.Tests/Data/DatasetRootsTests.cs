using Augment.Core.Data;

namespace Augment.Core.Tests.Data;

public sealed class DatasetRootsTests : IDisposable
{
    private readonly DataTestFiles _files = new();
    private readonly DatasetRoots _roots;

    public DatasetRootsTests()
    {
        _files.WritePng("root/sets/a/1.png", 4, 4, 1);
        _files.WritePng("outside/x/1.png", 4, 4, 1);
        Directory.CreateSymbolicLink(_files.PathOf("root/link"), _files.PathOf("outside"));
        File.CreateSymbolicLink(_files.PathOf("root/sets/file-link.png"), _files.PathOf("outside/x/1.png"));
        _roots = new DatasetRoots([new("data", "root")], _files.Root);
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Resolve_PathBelowRoot_ReturnsFullPath()
    {
        Assert.Equal(_files.PathOf("root/sets"), _roots.Resolve("data", "sets"));
        Assert.Equal(_files.PathOf("root/sets/a/1.png"), _roots.Resolve("data", "./sets/a/1.png"));
    }

    [Theory]
    [InlineData("../outside", "\"..\" segments are refused")]
    [InlineData("sets/../../outside", "\"..\" segments are refused")]
    [InlineData("/etc/passwd", "absolute paths are refused")]
    [InlineData("\\etc", "absolute paths are refused")]
    [InlineData("link/x", "\"link\" is a symbolic link")]
    [InlineData("sets/file-link.png", "\"file-link.png\" is a symbolic link")]
    [InlineData(".", "names the root itself")]
    public void Resolve_EscapingPath_IsRefused(string path, string reason)
    {
        var ex = Assert.Throws<DatasetException>(() => _roots.Resolve("data", path));
        Assert.Equal(DatasetErrorKind.PathRefused, ex.Kind);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("location.path:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownRoot_IsNotFoundListingRoots()
    {
        var ex = Assert.Throws<DatasetException>(() => _roots.Resolve("nope", "sets"));
        Assert.Equal(DatasetErrorKind.NotFound, ex.Kind);
        Assert.Contains("configured: data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingPath_IsNotFound()
    {
        var ex = Assert.Throws<DatasetException>(() => _roots.Resolve("data", "sets/missing"));
        Assert.Equal(DatasetErrorKind.NotFound, ex.Kind);
    }
}
