using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Tests;

/// <summary>Deterministic test images.</summary>
internal static class TestImages
{
    /// <summary>A textured RGB image: gradients plus keyed noise, so every pixel differs from its neighbours.</summary>
    public static ImageBuffer Rgb(int width = 64, int height = 48, ulong seed = 1)
    {
        var img = new ImageBuffer(width, height, 3);
        var rng = new Rng(seed);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var o = (y * width + x) * 3;
                img.Pixels[o] = (byte)(x * 255 / Math.Max(1, width - 1));
                img.Pixels[o + 1] = (byte)(y * 255 / Math.Max(1, height - 1));
                img.Pixels[o + 2] = (byte)rng.NextInt(256);
            }
        }
        return img;
    }

    /// <summary>A grey image.</summary>
    public static ImageBuffer Grey(int width = 28, int height = 28)
    {
        var img = new ImageBuffer(width, height, 1);
        for (var i = 0; i < img.Pixels.Length; i++)
        {
            img.Pixels[i] = (byte)(i * 7 % 256);
        }
        return img;
    }
}
