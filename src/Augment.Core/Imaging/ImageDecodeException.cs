namespace Augment.Core.Imaging;

/// <summary>An image could not be decoded; the message names the source and the reason.</summary>
public sealed class ImageDecodeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageDecodeException(string sourceName, string reason, Exception? inner = null)
        : base($"{sourceName}: {reason}", inner)
    {
        SourceName = sourceName;
        Reason = reason;
    }

    /// <summary>The file or stream name.</summary>
    public string SourceName { get; }

    /// <summary>Why decoding failed.</summary>
    public string Reason { get; }
}
