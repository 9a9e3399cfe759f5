namespace Augment.Cli.Commands.Images;

/// <summary>A source that could not be processed, with the reason.</summary>
internal sealed record FailureRecord(string Source, string Reason);
