namespace Augment.Cli.Commands.Images;

/// <summary>One augmented copy: where it came from, which copy it is, where it went, and its sample key.</summary>
/// <param name="Source">Source path relative to the input root.</param>
/// <param name="Copy">Copy index k (0-based).</param>
/// <param name="Output">Output path relative to the output root.</param>
/// <param name="Seed">Run seed.</param>
/// <param name="Index">Sample index of the key <c>(seed, 0, index)</c>.</param>
internal sealed record ManifestEntry(string Source, int Copy, string Output, ulong Seed, long Index);
