namespace Augment.Core.Imaging;

/// <summary>Which decoder handles JPEG files.</summary>
public enum JpegDecoder
{
    /// <summary>libjpeg-turbo when libturbojpeg.so.0 loads, otherwise ImageSharp.</summary>
    Auto,

    /// <summary>Always ImageSharp (managed; identical bytes on every machine).</summary>
    ImageSharp,

    /// <summary>Always libjpeg-turbo; an error when it is not installed.</summary>
    LibJpegTurbo,
}
