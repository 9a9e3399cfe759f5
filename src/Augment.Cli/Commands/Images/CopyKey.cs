using Augment.Core.Randomness;

namespace Augment.Cli.Commands.Images;

/// <summary>The sample key of copy k of a source file: a pure function of (seed, relative path, k), so outputs
/// never depend on worker count, enumeration order or which files were already done.</summary>
internal static class CopyKey
{
    /// <summary>The sample index of copy <paramref name="copy"/> of <paramref name="relativePath"/> ('/' separators).</summary>
    public static long Index(string relativePath, int copy) =>
        (long)SplitMix64.Combine(StableHash.Of(relativePath), (ulong)copy);

    /// <summary>The full key: (seed, epoch 0, index).</summary>
    public static SampleKey For(ulong seed, string relativePath, int copy) => new(seed, 0, Index(relativePath, copy));
}
