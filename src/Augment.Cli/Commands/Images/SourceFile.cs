namespace Augment.Cli.Commands.Images;

/// <summary>One input image: its full path and its path relative to the input root ('/' separators).</summary>
internal sealed record SourceFile(string FullPath, string RelativePath);
