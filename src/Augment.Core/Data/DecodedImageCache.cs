using System.Collections.Concurrent;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>Decoded images kept in memory within a byte budget, so that later epochs skip decoding.
/// Fill-until-full, no eviction: epochs visit every sample once in a new order, a cyclic access pattern
/// for which LRU eviction would hit nothing; keeping the first images that fit gives a steady hit rate of
/// budget / dataset size. Thread-safe. Cached buffers are shared: callers must not mutate them.</summary>
internal sealed class DecodedImageCache
{
    private readonly ConcurrentDictionary<(object Owner, int Index), ImageBuffer> _entries = new();
    private long _bytes;
    private long _hits;
    private long _misses;

    /// <summary>Creates a cache holding at most <paramref name="budgetBytes"/> bytes of pixels (0 disables it).</summary>
    public DecodedImageCache(long budgetBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(budgetBytes);
        BudgetBytes = budgetBytes;
    }

    /// <summary>The budget in bytes.</summary>
    public long BudgetBytes { get; }

    /// <summary>Bytes of pixels held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Lookups that found an entry.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Lookups that did not.</summary>
    public long Misses => Interlocked.Read(ref _misses);

    /// <summary>Number of images held.</summary>
    public int Count => _entries.Count;

    /// <summary>Returns the cached image of (<paramref name="owner"/>, <paramref name="index"/>), or decodes it with
    /// <paramref name="load"/> and keeps it if it fits in the budget.</summary>
    public ImageBuffer GetOrAdd(object owner, int index, Func<ImageBuffer> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (BudgetBytes == 0)
        {
            return load();
        }
        if (_entries.TryGetValue((owner, index), out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }
        Interlocked.Increment(ref _misses);
        var image = load();
        long size = image.Pixels.Length;
        // Reserve first, so that concurrent adds never exceed the budget.
        if (Interlocked.Add(ref _bytes, size) <= BudgetBytes)
        {
            if (!_entries.TryAdd((owner, index), image))
            {
                Interlocked.Add(ref _bytes, -size);
            }
        }
        else
        {
            Interlocked.Add(ref _bytes, -size);
        }
        return image;
    }
}
