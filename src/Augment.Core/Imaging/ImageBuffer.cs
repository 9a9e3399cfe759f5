namespace Augment.Core.Imaging;

/// <summary>An 8-bit image, height x width x channels, row-major (HWC). Operations never mutate an
/// <see cref="ImageBuffer"/> they did not create.</summary>
public sealed class ImageBuffer
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied).</summary>
    public ImageBuffer(int width, int height, int channels, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "channels must be 1 or 3");
        }
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != (long)width * height * channels)
        {
            throw new ArgumentException($"pixels has {pixels.Length} bytes, expected {width}x{height}x{channels}", nameof(pixels));
        }
        Width = width;
        Height = height;
        Channels = channels;
        Pixels = pixels;
    }

    /// <summary>Allocates a zeroed image.</summary>
    public ImageBuffer(int width, int height, int channels)
        : this(width, height, channels, new byte[checked(width * height * channels)])
    {
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>1 (grey) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>HWC bytes.</summary>
    public byte[] Pixels { get; }

    /// <summary>Bytes per row.</summary>
    public int Stride => Width * Channels;

    /// <summary>A deep copy.</summary>
    public ImageBuffer Clone() => new(Width, Height, Channels, (byte[])Pixels.Clone());
}
