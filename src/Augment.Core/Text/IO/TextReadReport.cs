using System.Collections.Concurrent;

namespace Augment.Core.Text.IO;

/// <summary>Counts of records read and lines skipped, per reason (reason kinds, not full messages).</summary>
public sealed class TextReadReport
{
    private readonly ConcurrentDictionary<string, long> _skipped = new(StringComparer.Ordinal);
    private long _read;

    /// <summary>Records read successfully.</summary>
    public long Read => Interlocked.Read(ref _read);

    /// <summary>Skipped lines per reason kind (for example "invalid UTF-8", "empty line").</summary>
    public IReadOnlyDictionary<string, long> Skipped => _skipped;

    /// <summary>Total skipped lines.</summary>
    public long SkippedTotal => _skipped.Values.Sum();

    /// <summary>The first skipped line's full message, for the summary.</summary>
    public string? FirstSkipped { get; private set; }

    internal void CountRead() => Interlocked.Increment(ref _read);

    internal void CountSkipped(string kind, string message)
    {
        FirstSkipped ??= message;
        _skipped.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }
}
