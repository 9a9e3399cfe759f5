using Augment.Core.Randomness;

namespace Augment.Core.Imaging;

/// <summary>Neighbourhood and noise kernels. Each returns a new image and never writes its input.</summary>
public static class FilterKernels
{
    /// <summary>torchvision's Gaussian kernel: odd <paramref name="size"/>, normalised to sum 1.</summary>
    public static float[] GaussianKernel(int size, double sigma)
    {
        var k = new float[size];
        var half = (size - 1) / 2.0;
        double sum = 0;
        for (var i = 0; i < size; i++)
        {
            var x = (i - half) / sigma;
            k[i] = (float)Math.Exp(-0.5 * x * x);
            sum += k[i];
        }
        for (var i = 0; i < size; i++)
        {
            k[i] = (float)(k[i] / sum);
        }
        return k;
    }

    /// <summary>Separable Gaussian blur with reflect padding.</summary>
    public static ImageBuffer GaussianBlur(ImageBuffer src, int kernelSize, double sigma)
    {
        ArgumentNullException.ThrowIfNull(src);
        var k = GaussianKernel(kernelSize, sigma);
        int w = src.Width, h = src.Height, ch = src.Channels, r = kernelSize / 2;
        var tmp = new float[w * h * ch];
        var s = src.Pixels;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < ch; c++)
                {
                    float acc = 0;
                    for (var i = -r; i <= r; i++)
                    {
                        acc += k[i + r] * s[(y * w + Reflect(x + i, w)) * ch + c];
                    }
                    tmp[(y * w + x) * ch + c] = acc;
                }
            }
        }
        var dst = new ImageBuffer(w, h, ch);
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < ch; c++)
                {
                    float acc = 0;
                    for (var i = -r; i <= r; i++)
                    {
                        acc += k[i + r] * tmp[(Reflect(y + i, h) * w + x) * ch + c];
                    }
                    dst.Pixels[(y * w + x) * ch + c] = WarpKernels.ClampByte(acc);
                }
            }
        }
        return dst;
    }

    /// <summary>torchvision adjust_sharpness: blend with the image smoothed by [[1,1,1],[1,5,1],[1,1,1]]/13
    /// (border pixels unchanged); factor 0 smooths, 1 keeps, above 1 sharpens.</summary>
    public static ImageBuffer Sharpness(ImageBuffer src, float factor)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = src.Clone();
        int w = src.Width, h = src.Height, ch = src.Channels;
        var s = src.Pixels;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                for (var c = 0; c < ch; c++)
                {
                    var i = (y * w + x) * ch + c;
                    var sum = 0;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            sum += s[i + (dy * w + dx) * ch];
                        }
                    }
                    sum += 4 * s[i];
                    var smooth = (float)Math.Round(sum / 13.0);
                    dst.Pixels[i] = WarpKernels.ClampByte(s[i] * factor + smooth * (1 - factor));
                }
            }
        }
        return dst;
    }

    /// <summary>Adds Gaussian noise N(mean, sigma) on the 0..1 scale, clipped.</summary>
    public static ImageBuffer GaussianNoise(ImageBuffer src, double mean, double sigma, bool sameForAllChannels, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new ImageBuffer(src.Width, src.Height, src.Channels);
        var s = src.Pixels;
        var d = dst.Pixels;
        var ch = src.Channels;
        for (var i = 0; i < s.Length; i += ch)
        {
            var n = 255.0 * (mean + sigma * rng.NextGaussian());
            for (var c = 0; c < ch; c++)
            {
                if (c > 0 && !sameForAllChannels)
                {
                    n = 255.0 * (mean + sigma * rng.NextGaussian());
                }
                d[i + c] = WarpKernels.ClampByte(s[i + c] + n);
            }
        }
        return dst;
    }

    /// <summary>Fills the rectangle [x, x + w) x [y, y + h), clipped to the image, with a constant per channel
    /// or, when <paramref name="random"/> is true, with uniform noise.</summary>
    public static ImageBuffer FillRect(ImageBuffer src, int x, int y, int w, int h, ReadOnlySpan<float> fill, bool random, ref Rng rng)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = src.Clone();
        var ch = src.Channels;
        int x0 = Math.Max(0, x), y0 = Math.Max(0, y), x1 = Math.Min(src.Width, x + w), y1 = Math.Min(src.Height, y + h);
        for (var yy = y0; yy < y1; yy++)
        {
            for (var xx = x0; xx < x1; xx++)
            {
                var o = (yy * src.Width + xx) * ch;
                for (var c = 0; c < ch; c++)
                {
                    dst.Pixels[o + c] = random ? (byte)rng.NextInt(256)
                        : fill.IsEmpty ? (byte)0 : WarpKernels.ClampByte(fill[Math.Min(c, fill.Length - 1)]);
                }
            }
        }
        return dst;
    }

    private static int Reflect(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }
        while (i < 0 || i >= n)
        {
            i = i < 0 ? -i : 2 * n - 2 - i;
        }
        return i;
    }
}
