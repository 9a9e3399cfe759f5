using Augment.Cli.Commands.Images;

namespace Augment.Cli.Tests.Images;

public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WriteAllBytes_NewFolder_WritesWholeFileAndNoTemp()
    {
        var path = _dir.Combine("a", "b", "f.bin");

        AtomicFile.WriteAllBytes(path, [1, 2, 3]);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir.Combine("a", "b")));
    }

    [Fact]
    public void WriteAllBytes_Cancelled_LeavesTargetUntouchedAndNoTemp()
    {
        var path = _dir.Combine("f.bin");
        File.WriteAllBytes(path, [9]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Throws<OperationCanceledException>(() => AtomicFile.WriteAllBytes(path, [1, 2, 3], cts.Token));

        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void RemoveStaleTemps_LeftOverTemps_DeletesOnlyThem()
    {
        File.WriteAllText(_dir.Combine("keep.png"), "x");
        Directory.CreateDirectory(_dir.Combine("sub"));
        File.WriteAllText(_dir.Combine("sub", ".keep.png.123" + AtomicFile.TempSuffix), "partial");

        var removed = AtomicFile.RemoveStaleTemps(_dir.Path);

        Assert.Equal(1, removed);
        Assert.Equal([_dir.Combine("keep.png")], Directory.GetFiles(_dir.Path, "*", SearchOption.AllDirectories));
    }
}
