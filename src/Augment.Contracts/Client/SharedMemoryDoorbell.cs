using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace Augment.Contracts.Client;

/// <summary>The doorbell of a stream whose batches come through its shared-memory ring
/// (<c>SharedMemoryOptions.batches_in_ring</c>): a FIFO next to the ring file that carries one 16-byte notice per batch
/// record (offset of the record in the ring file, its length; both uint64 little-endian). The server creates it with
/// <see cref="Create"/> and writes with <see cref="TryRing(long, long)"/>; closing its end is the end of the batches. The client
/// opens it with <see cref="Open"/> (which starts a thread that reads the FIFO) and takes notices with
/// <see cref="ReadAsync"/> until the end (null). Linux only.</summary>
public sealed partial class SharedMemoryDoorbell : IDisposable
{
    /// <summary>Bytes of one notice.</summary>
    public const int NoticeBytes = 16;

    /// <summary>Most notices one write may carry: PIPE_BUF (4096 bytes on Linux) is what a pipe writes atomically.</summary>
    public const int MaxNoticesPerWrite = 4096 / NoticeBytes;

    /// <summary>The doorbell's file name is the ring's with this suffix.</summary>
    public const string Suffix = ".bell";

    private const int ORdOnly = 0;
    private const int ORdWr = 2;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const int EIntr = 4;
    private const int EAgain = 11;
    private const short PollIn = 1;
    private const int PollMilliseconds = 50;

    private readonly SafeFileHandle _fd;
    private readonly SafeFileHandle? _keeper;
    private readonly Channel<(long Offset, long Length)>? _notices;
    private volatile bool _disposed;

    private SharedMemoryDoorbell(string path, SafeFileHandle fd, SafeFileHandle? keeper, bool reader)
    {
        Path = path;
        _fd = fd;
        _keeper = keeper;
        if (reader)
        {
            _notices = Channel.CreateUnbounded<(long, long)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            // A thread of its own, not the thread pool's: it blocks in poll() between notices, and several streams
            // blocking pool threads starve the pool (the server's work too, in one process).
            new Thread(ReadNotices) { IsBackground = true, Name = "augment doorbell" }.Start();
        }
    }

    /// <summary>The FIFO.</summary>
    public string Path { get; }

    /// <summary>Server side: creates the FIFO at <paramref name="path"/> (mode 0600; it must not exist) and opens it
    /// read-write and non-blocking: opening never waits for a reader, and writing never raises SIGPIPE. It also holds a
    /// read-only descriptor that it never reads from until <see cref="Dispose"/>: Linux discards a pipe's contents when
    /// its last descriptor closes, so without it the notices and the end written before the client opened the FIFO (a
    /// short stream, a stream failing early) would be lost.</summary>
    /// <exception cref="IOException">The FIFO cannot be created or opened.</exception>
    public static SharedMemoryDoorbell Create(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLinux();
        if (MkFifo(path, 0b110_000_000) != 0) // 0600
        {
            throw Error("cannot create the doorbell", path);
        }
        SafeFileHandle? keeper = null;
        try
        {
            keeper = OpenFile(path, ORdOnly | ONonBlock | OCloExec);
            return new SharedMemoryDoorbell(path, OpenFile(path, ORdWr | ONonBlock | OCloExec), keeper, reader: false);
        }
        catch
        {
            keeper?.Dispose();
            File.Delete(path);
            throw;
        }
    }

    /// <summary>Client side: opens the FIFO at <paramref name="path"/> for reading (non-blocking, so that opening never
    /// waits for the server).</summary>
    /// <exception cref="FileNotFoundException">The FIFO is gone: the stream has ended; read the call to its end.</exception>
    /// <exception cref="IOException">It cannot be opened.</exception>
    public static SharedMemoryDoorbell Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireLinux();
        return new SharedMemoryDoorbell(path, OpenFile(path, ORdOnly | ONonBlock | OCloExec), null, reader: true);
    }

    /// <summary>Server side: writes the notice of the record at <paramref name="offset"/> (from the start of the ring
    /// file) of <paramref name="length"/> bytes. False when the pipe is full (nothing written: try again later).</summary>
    /// <exception cref="IOException">The write failed.</exception>
    public bool TryRing(long offset, long length) => TryRing([(offset, length)]);

    /// <summary>Server side: writes the notices of several records in one write (one wake-up of the reader), all or
    /// none. False when the pipe has no room for all of them (nothing written: try again later).</summary>
    /// <exception cref="ArgumentException">More than <see cref="MaxNoticesPerWrite"/> notices (a pipe writes at most
    /// PIPE_BUF bytes atomically).</exception>
    /// <exception cref="IOException">The write failed.</exception>
    public unsafe bool TryRing(ReadOnlySpan<(long Offset, long Length)> notices)
    {
        if (notices.Length is 0 or > MaxNoticesPerWrite)
        {
            throw new ArgumentException($"notices: {notices.Length}, not 1 to {MaxNoticesPerWrite}", nameof(notices));
        }
        Span<byte> bytes = stackalloc byte[notices.Length * NoticeBytes];
        for (var i = 0; i < notices.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(bytes[(i * NoticeBytes)..], notices[i].Offset);
            BinaryPrimitives.WriteInt64LittleEndian(bytes[((i * NoticeBytes) + 8)..], notices[i].Length);
        }
        while (true)
        {
            nint written;
            fixed (byte* p = bytes)
            {
                written = Write(_fd, p, bytes.Length);
            }
            if (written == bytes.Length)
            {
                return true;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (written < 0 && errno == EAgain)
            {
                return false;
            }
            if (written < 0 && errno == EIntr)
            {
                continue;
            }
            // Writes of at most PIPE_BUF bytes are atomic: anything else is an error.
            throw new IOException($"{Path}: doorbell write failed ({(written < 0 ? Marshal.GetPInvokeErrorMessage(errno) : $"{written} bytes")})");
        }
    }

    /// <summary>Client side: the next notice as (offset of the record in the ring file, length), or null once the server
    /// has closed the doorbell and every notice has been read. A thread of the doorbell reads the FIFO (up to 64 notices
    /// at a time) as soon as notices arrive; this only waits for it.</summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="IOException">The read failed.</exception>
    public async ValueTask<(long Offset, long Length)?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var reader = (_notices ?? throw new InvalidOperationException("the server's end of a doorbell cannot read")).Reader;
        while (true)
        {
            if (reader.TryRead(out var notice))
            {
                return notice;
            }
            if (!await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    /// <summary>Server side: ends the batches. Closes the writing descriptor, so that readers see the end once they have
    /// read every notice, and keeps the pipe's contents for a client that opens the FIFO only now (until
    /// <see cref="Dispose"/>). No notice can be written afterwards.</summary>
    public void End() => _fd.Dispose();

    /// <summary>Closes this end of the FIFO (the server's: <see cref="End"/>, and the pipe's contents go once no reader
    /// holds it; the client's: its reading thread stops within 50 ms). The FIFO file stays until its creator deletes it.</summary>
    public void Dispose()
    {
        _disposed = true;
        _fd.Dispose();
        _keeper?.Dispose();
    }

    /// <summary>The client's reading thread: reads what the pipe holds without blocking, else waits in poll() (50 ms at a
    /// time, to notice <see cref="Dispose"/>, and to read again: a reader that opened the FIFO after the server had closed
    /// it gets no POLLHUP from Linux, but its read returns the end at once).</summary>
    private unsafe void ReadNotices()
    {
        var writer = _notices!.Writer;
        const int capacity = 64 * NoticeBytes;
        var buffer = stackalloc byte[capacity];
        var kept = 0;
        var added = false;
        try
        {
            _fd.DangerousAddRef(ref added);
            var fd = (int)_fd.DangerousGetHandle();
            var poll = new PollFd { Fd = fd, Events = PollIn };
            while (!_disposed)
            {
                var read = ReadRaw(fd, buffer + kept, capacity - kept);
                if (read > 0)
                {
                    var total = kept + (int)read;
                    var whole = total - (total % NoticeBytes);
                    for (var i = 0; i < whole; i += NoticeBytes)
                    {
                        var notice = new ReadOnlySpan<byte>(buffer + i, NoticeBytes);
                        writer.TryWrite((BinaryPrimitives.ReadInt64LittleEndian(notice), BinaryPrimitives.ReadInt64LittleEndian(notice[8..])));
                    }
                    // Keep a partial notice (never expected: the server's 16-byte writes are atomic).
                    kept = total - whole;
                    new ReadOnlySpan<byte>(buffer + whole, kept).CopyTo(new Span<byte>(buffer, kept));
                    continue;
                }
                if (read == 0)
                {
                    writer.TryComplete(kept == 0 ? null : new InvalidDataException($"{Path}: the doorbell ended inside a notice"));
                    return;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno != EAgain && errno != EIntr)
                {
                    throw new IOException($"{Path}: doorbell read failed ({Marshal.GetPInvokeErrorMessage(errno)})");
                }
                if (errno == EAgain && Poll(&poll, 1, PollMilliseconds) < 0 && Marshal.GetLastPInvokeError() != EIntr)
                {
                    throw new IOException($"{Path}: doorbell poll failed ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");
                }
            }
            writer.TryComplete(new ObjectDisposedException(Path));
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
        finally
        {
            if (added)
            {
                _fd.DangerousRelease();
            }
        }
    }

    private static SafeFileHandle OpenFile(string path, int flags)
    {
        var fd = OpenNative(path, flags, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 2
                ? new FileNotFoundException($"{path}: no such doorbell (the stream has ended)", path)
                : new IOException($"{path}: cannot open the doorbell ({Marshal.GetPInvokeErrorMessage(errno)})");
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }

    private static IOException Error(string what, string path) =>
        new($"{path}: {what} ({Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())})");

    private static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("shared-memory doorbells need Linux");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int MkFifo(string path, uint mode);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenNative(string path, int flags, uint mode);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint ReadRaw(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(SafeFileHandle fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollFd* fds, nuint count, int timeout);
}
