using System.Buffers.Binary;
using Augment.Contracts.Client;

namespace Augment.Service.Tests.Client;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SharedMemoryMappingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-mapping-test-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Create_NewFile_Mode0600HeaderAndBothSidesShareBytes()
    {
        var path = Path.Combine(_dir, "ring");
        using var server = SharedMemoryMapping.Create(path, 8192);
        using var client = SharedMemoryMapping.Open(path);

        server.Span(server.DataOffset + 100, 3).Fill(7);
        client.Release(640);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(SharedMemoryRingLayout.HeaderBytes + 8192, new FileInfo(path).Length);
        Assert.Equal(8192, client.Capacity);
        Assert.Equal([7, 7, 7], client.Memory(client.DataOffset + 100, 3).ToArray());
        Assert.Equal(640, server.Consumed);
    }

    [Fact]
    public void Create_ExistingFile_IOExceptionAndFileKept()
    {
        var path = Path.Combine(_dir, "ring");
        File.WriteAllText(path, "x");

        Assert.ThrowsAny<IOException>(() => SharedMemoryMapping.Create(path, 8192));
    }

    [Fact]
    public void Release_LowerPosition_NeverLowersConsumed()
    {
        using var ring = SharedMemoryMapping.Create(Path.Combine(_dir, "ring"), 4096);

        ring.Release(300);
        ring.Release(100);

        Assert.Equal(300, ring.Consumed);
    }

    [Fact]
    public void Open_BadMagic_InvalidDataNamingTheFile()
    {
        var path = Path.Combine(_dir, "ring");
        using (SharedMemoryMapping.Create(path, 4096))
        {
        }
        using (var f = File.OpenWrite(path))
        {
            f.Write("NOTARING"u8);
        }

        var ex = Assert.Throws<InvalidDataException>(() => SharedMemoryMapping.Open(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bad magic", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_OutsideTheFile_Throws()
    {
        using var ring = SharedMemoryMapping.Create(Path.Combine(_dir, "ring"), 4096);

        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Span(ring.FileBytes - 2, 3));
    }

    [Fact]
    public void Magic_IsAugRing1LittleEndian()
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, SharedMemoryRingLayout.Magic);
        Assert.Equal("AUGRING1"u8.ToArray(), bytes.ToArray());
    }
}
