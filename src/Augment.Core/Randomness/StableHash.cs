using System.Text;

namespace Augment.Core.Randomness;

/// <summary>A 64-bit hash of strings that is the same on every machine, process and run
/// (FNV-1a over UTF-8, then the SplitMix64 finaliser). Never use string.GetHashCode for keys.</summary>
public static class StableHash
{
    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const ulong offset = 14695981039346656037UL;
        const ulong prime = 1099511628211UL;
        Span<byte> stack = stackalloc byte[256];
        var count = Encoding.UTF8.GetByteCount(text);
        var bytes = count <= stack.Length ? stack[..count] : new byte[count];
        Encoding.UTF8.GetBytes(text, bytes);
        var h = offset;
        foreach (var b in bytes)
        {
            h = (h ^ b) * prime;
        }
        return SplitMix64.Mix(h);
    }
}
