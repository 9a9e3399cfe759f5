namespace Augment.Core.Randomness;

/// <summary>SplitMix64 (Steele, Lea and Flood 2014): the mixing step used to derive keys and seed streams.</summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment of SplitMix64.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finaliser: a bijective avalanche of <paramref name="z"/>.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>Combines a key with one more component; order-sensitive.</summary>
    public static ulong Combine(ulong key, ulong component) => Mix(key ^ Mix(component + Gamma));
}
