using System.Diagnostics;
using Augment.Contracts.Client;

namespace Augment.Service.Tests.Client;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SharedMemoryDoorbellTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-bell-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public async Task ReadAsync_NoticesThenWriterCloses_NoticesInOrderThenEnd()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("a.bell"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.Path));
        using var client = SharedMemoryDoorbell.Open(server.Path);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(server.TryRing(4096 + (i * 64L), 100 + i));
        }
        server.Dispose();

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal((4096 + (i * 64L), 100L + i), await client.ReadAsync());
        }
        Assert.Null(await client.ReadAsync());
        Assert.Null(await client.ReadAsync());
    }

    [Fact]
    public async Task TryRing_SeveralNotices_InOrderFromOneWrite()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("m.bell"));
        using var client = SharedMemoryDoorbell.Open(server.Path);
        var notices = Enumerable.Range(0, SharedMemoryDoorbell.MaxNoticesPerWrite).Select(i => (4096 + (i * 64L), 10L + i)).ToArray();

        Assert.True(server.TryRing(notices));
        server.End();

        foreach (var notice in notices)
        {
            Assert.Equal(notice, await client.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        }
        Assert.Null(await client.ReadAsync());
        Assert.Throws<ArgumentException>(() => server.TryRing(new (long, long)[SharedMemoryDoorbell.MaxNoticesPerWrite + 1]));
        Assert.Throws<ArgumentException>(() => server.TryRing(ReadOnlySpan<(long, long)>.Empty));
    }

    [Fact]
    public async Task ReadAsync_WaitingForANotice_WakesWhenTheServerRings()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("b.bell"));
        using var client = SharedMemoryDoorbell.Open(server.Path);
        var reading = client.ReadAsync().AsTask();
        await Task.Delay(100);
        Assert.False(reading.IsCompleted);

        Assert.True(server.TryRing(8192, 7));

        Assert.Equal((8192L, 7L), await reading.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ReadAsync_OpenedAfterTheServerEnded_NoticesStillThereThenEnd()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("g.bell"));
        Assert.True(server.TryRing(4096, 10));
        Assert.True(server.TryRing(4160, 20));
        server.End();
        using var client = SharedMemoryDoorbell.Open(server.Path);

        Assert.Equal((4096L, 10L), await client.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal((4160L, 20L), await client.ReadAsync());
        Assert.Null(await client.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ReadAsync_OpenedAfterTheServerClosed_EndsAtOnce()
    {
        var server = SharedMemoryDoorbell.Create(PathOf("c.bell"));
        server.Dispose();
        using var client = SharedMemoryDoorbell.Open(server.Path);

        Assert.Null(await client.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_EndsWithinTheWaitSlice()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("d.bell"));
        using var client = SharedMemoryDoorbell.Open(server.Path);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadAsync(cts.Token).AsTask());

        Assert.InRange(watch.ElapsedMilliseconds, 90, 2000);
    }

    [Fact]
    public void TryRing_PipeFull_FalseWithoutBlocking()
    {
        using var server = SharedMemoryDoorbell.Create(PathOf("e.bell"));
        var written = 0;
        while (server.TryRing(written, 1))
        {
            written++;
            Assert.True(written < 1 << 20, "the pipe never filled");
        }

        // A pipe of 64 KiB (or one page when the user's pipe budget is exhausted) holds whole notices.
        Assert.Equal(0, written * SharedMemoryDoorbell.NoticeBytes % 4096);
    }

    [Fact]
    public void Open_MissingDoorbell_FileNotFound()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => SharedMemoryDoorbell.Open(PathOf("gone.bell")));
        Assert.Contains("the stream has ended", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Existing_IOException()
    {
        using var first = SharedMemoryDoorbell.Create(PathOf("f.bell"));
        Assert.Throws<IOException>(() => SharedMemoryDoorbell.Create(first.Path));
    }
}
