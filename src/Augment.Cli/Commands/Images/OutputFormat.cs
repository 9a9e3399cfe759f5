namespace Augment.Cli.Commands.Images;

/// <summary>How augmented copies are encoded.</summary>
internal enum OutputFormat
{
    /// <summary>PNG (lossless; byte-identical for a given seed whatever the worker count).</summary>
    Png,

    /// <summary>JPEG at the chosen quality.</summary>
    Jpeg,

    /// <summary>The source file's own format (JPEG, PNG, BMP, GIF, TIFF, WebP lossless).</summary>
    Same,
}
