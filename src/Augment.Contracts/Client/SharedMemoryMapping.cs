using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using static Augment.Contracts.Client.SharedMemoryRingLayout;

namespace Augment.Contracts.Client;

/// <summary>A shared-memory ring file (layout <see cref="SharedMemoryRingLayout"/>) mapped read-write and shared: the
/// server creates one per stream with <see cref="Create"/>, the client maps it with <see cref="Open"/>. Spans and memory
/// over it are valid until <see cref="Dispose"/>; the bytes of a batch until the client releases it.</summary>
public sealed unsafe class SharedMemoryMapping : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly UnmanagedMemoryManager _memory;
    private int _disposed;

    private SharedMemoryMapping(string path, FileStream stream, long fileBytes)
    {
        Path = path;
        FileBytes = fileBytes;
        _file = MemoryMappedFile.CreateFromFile(stream, null, fileBytes, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        try
        {
            _view = _file.CreateViewAccessor(0, fileBytes, MemoryMappedFileAccess.ReadWrite);
            byte* pointer = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            _base = pointer + _view.PointerOffset;
            _memory = new UnmanagedMemoryManager(_base, checked((int)fileBytes));
        }
        catch
        {
            _view?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The ring file.</summary>
    public string Path { get; }

    /// <summary>Size of the file (header and data area).</summary>
    public long FileBytes { get; }

    /// <summary>Where the data area starts in the file.</summary>
    public long DataOffset => HeaderBytes;

    /// <summary>Bytes of the data area.</summary>
    public long Capacity => FileBytes - HeaderBytes;

    /// <summary>The client's <c>consumed</c> counter: the release position of the last batch it no longer uses.</summary>
    public long Consumed
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            return Volatile.Read(ref *(long*)(_base + ConsumedOffset));
        }
    }

    /// <summary>Creates the ring file at <paramref name="path"/> (mode 0600; it must not exist) with a data area of
    /// <paramref name="capacity"/> bytes, reserves its memory at once (a full /dev/shm fails here with an
    /// <see cref="IOException"/>, not later on a write), writes the header and maps it.</summary>
    /// <exception cref="IOException">The file exists or the file system has no room for it.</exception>
    public static SharedMemoryMapping Create(string path, long capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, Alignment);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, int.MaxValue - HeaderBytes);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("shared-memory rings need a Unix file system (/dev/shm)");
        }
        var fileBytes = HeaderBytes + capacity;
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.ReadWrite,
            PreallocationSize = fileBytes,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        try
        {
            stream.SetLength(fileBytes);
            var mapping = new SharedMemoryMapping(path, stream, fileBytes);
            var header = mapping.Span(0, HeaderBytes);
            header.Clear();
            BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
            BinaryPrimitives.WriteUInt32LittleEndian(header[VersionOffset..], SharedMemoryRingLayout.Version);
            BinaryPrimitives.WriteUInt32LittleEndian(header[DataOffsetOffset..], HeaderBytes);
            BinaryPrimitives.WriteUInt64LittleEndian(header[CapacityOffset..], (ulong)capacity);
            return mapping;
        }
        catch
        {
            stream.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Maps the existing ring file at <paramref name="path"/> and checks its header.</summary>
    /// <exception cref="InvalidDataException">The file is not a ring of layout version <see cref="SharedMemoryRingLayout.Version"/>.</exception>
    /// <exception cref="IOException">The file cannot be opened (missing, or owned by another user).</exception>
    public static SharedMemoryMapping Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        try
        {
            var length = stream.Length;
            if (length <= HeaderBytes || length > int.MaxValue)
            {
                throw new InvalidDataException($"{path}: {length} bytes is not a shared-memory ring");
            }
            var mapping = new SharedMemoryMapping(path, stream, length);
            ReadOnlySpan<byte> header = mapping.Span(0, HeaderBytes);
            var version = BinaryPrimitives.ReadUInt32LittleEndian(header[VersionOffset..]);
            var dataOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[DataOffsetOffset..]);
            var capacity = BinaryPrimitives.ReadUInt64LittleEndian(header[CapacityOffset..]);
            var problem = BinaryPrimitives.ReadUInt64LittleEndian(header) != Magic ? "bad magic (not an Augment ring)"
                : version != SharedMemoryRingLayout.Version ? $"layout version {version}, this client reads {SharedMemoryRingLayout.Version}"
                : dataOffset != HeaderBytes || capacity != (ulong)(length - HeaderBytes) ? $"data offset {dataOffset} and capacity {capacity} do not match the file size {length}"
                : null;
            if (problem is not null)
            {
                mapping.Dispose();
                throw new InvalidDataException($"{path}: {problem}");
            }
            return mapping;
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) of the file.</summary>
    public Span<byte> Span(long offset, int length)
    {
        Check(offset, length);
        return new Span<byte>(_base + offset, length);
    }

    /// <summary>The same bytes as <see cref="Span"/>, as memory (valid until <see cref="Dispose"/>).</summary>
    public Memory<byte> Memory(long offset, int length)
    {
        Check(offset, length);
        return _memory.Memory.Slice((int)offset, length);
    }

    /// <summary>Raises <see cref="Consumed"/> to <paramref name="position"/> (never lowers it): the server may then
    /// overwrite every batch whose release position is at most <paramref name="position"/>.</summary>
    public void Release(long position)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ref var consumed = ref *(long*)(_base + ConsumedOffset);
        var current = Volatile.Read(ref consumed);
        while (position > current)
        {
            var seen = Interlocked.CompareExchange(ref consumed, position, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }

    /// <summary>Unmaps the file (the file itself stays until its creator deletes it).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private void Check(long offset, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (offset < 0 || length < 0 || offset + length > FileBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"[{offset}, {offset + (long)length}) is outside the ring file of {FileBytes} bytes");
        }
    }
}
