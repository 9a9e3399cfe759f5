namespace Augment.Core.Randomness;

/// <summary>Identifies one sample draw: the bytes produced for a key never depend on thread count,
/// batch size, replicas or restarts.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Epoch">The epoch (0-based).</param>
/// <param name="Index">The sample index within the dataset (or a caller-chosen key for ad-hoc samples).</param>
public readonly record struct SampleKey(ulong Seed, long Epoch, long Index)
{
    /// <summary>The 64-bit key of this sample, before any node is mixed in.</summary>
    public ulong Value => SplitMix64.Combine(SplitMix64.Combine(SplitMix64.Mix(Seed), (ulong)Epoch), (ulong)Index);

    /// <summary>A generator for node <paramref name="stream"/> of this sample.</summary>
    public Rng For(ulong stream) => new(SplitMix64.Combine(Value, stream));
}
