namespace Augment.Cli.Commands.Images;

/// <summary>What a run of <see cref="ImagesRunner"/> did.</summary>
internal sealed record ImagesResult(
    IReadOnlyList<ManifestEntry> Entries,
    IReadOnlyList<FailureRecord> Failures,
    int Written,
    int Skipped,
    bool Cancelled);
