namespace Augment.Core.Imaging;

/// <summary>Per-pixel colour kernels. Each returns a new image and never writes its input.</summary>
public static class ColorKernels
{
    /// <summary>Applies an affine colour matrix with rounding and clamping. On a one-channel image the grey
    /// value v is treated as (v, v, v) and the luma of the result is kept.</summary>
    public static ImageBuffer ApplyMatrix(ImageBuffer src, in ColorMatrix m)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new ImageBuffer(src.Width, src.Height, src.Channels);
        var s = src.Pixels.AsSpan();
        var d = dst.Pixels.AsSpan();
        if (src.Channels == 1)
        {
            Span<byte> lut = stackalloc byte[256];
            for (var v = 0; v < 256; v++)
            {
                var (r, g, b) = m.Apply(v, v, v);
                lut[v] = WarpKernels.ClampByte(ColorMatrix.LumaR * r + ColorMatrix.LumaG * g + ColorMatrix.LumaB * b);
            }
            for (var i = 0; i < s.Length; i++)
            {
                d[i] = lut[s[i]];
            }
            return dst;
        }
        if (m.R1 == 0 && m.R2 == 0 && m.G0 == 0 && m.G2 == 0 && m.B0 == 0 && m.B1 == 0)
        {
            // Diagonal: three lookup tables.
            var lut = new byte[768];
            for (var v = 0; v < 256; v++)
            {
                lut[v] = WarpKernels.ClampByte(m.R0 * v + m.RO);
                lut[256 + v] = WarpKernels.ClampByte(m.G1 * v + m.GO);
                lut[512 + v] = WarpKernels.ClampByte(m.B2 * v + m.BO);
            }
            return ApplyLut(src, lut);
        }
        // Fixed point with 12 fractional bits; offsets pre-scaled, +0.5 for rounding.
        const int shift = 12;
        const float k = 1 << shift;
        int r0 = (int)MathF.Round(m.R0 * k), r1 = (int)MathF.Round(m.R1 * k), r2 = (int)MathF.Round(m.R2 * k), ro = (int)MathF.Round((m.RO + 0.5f) * k);
        int g0 = (int)MathF.Round(m.G0 * k), g1 = (int)MathF.Round(m.G1 * k), g2 = (int)MathF.Round(m.G2 * k), go = (int)MathF.Round((m.GO + 0.5f) * k);
        int b0 = (int)MathF.Round(m.B0 * k), b1 = (int)MathF.Round(m.B1 * k), b2 = (int)MathF.Round(m.B2 * k), bo = (int)MathF.Round((m.BO + 0.5f) * k);
        unsafe
        {
            fixed (byte* sp = s)
            fixed (byte* dp = d)
            {
                var end = sp + s.Length;
                var q = dp;
                for (var p = sp; p < end; p += 3, q += 3)
                {
                    int r = p[0], g = p[1], b = p[2];
                    q[0] = Clamp((r0 * r + r1 * g + r2 * b + ro) >> shift);
                    q[1] = Clamp((g0 * r + g1 * g + g2 * b + go) >> shift);
                    q[2] = Clamp((b0 * r + b1 * g + b2 * b + bo) >> shift);
                }
            }
        }
        return dst;
    }

    /// <summary>Applies one 256-entry table per channel (<paramref name="lut"/> holds channels x 256 bytes,
    /// or 256 bytes shared by all channels).</summary>
    public static ImageBuffer ApplyLut(ImageBuffer src, ReadOnlySpan<byte> lut)
    {
        ArgumentNullException.ThrowIfNull(src);
        var ch = src.Channels;
        var shared = lut.Length == 256;
        if (!shared && lut.Length < ch * 256)
        {
            throw new ArgumentException("lut must hold 256 or channels x 256 entries", nameof(lut));
        }
        var dst = new ImageBuffer(src.Width, src.Height, ch);
        var s = src.Pixels.AsSpan();
        var d = dst.Pixels.AsSpan();
        if (shared || ch == 1)
        {
            for (var i = 0; i < s.Length; i++)
            {
                d[i] = lut[s[i]];
            }
            return dst;
        }
        for (var i = 0; i + 2 < s.Length; i += 3)
        {
            d[i] = lut[s[i]];
            d[i + 1] = lut[256 + s[i + 1]];
            d[i + 2] = lut[512 + s[i + 2]];
        }
        return dst;
    }

    /// <summary>Mean of each channel (length = channels).</summary>
    public static float[] MeanPerChannel(ImageBuffer src)
    {
        ArgumentNullException.ThrowIfNull(src);
        var n = (double)src.Width * src.Height;
        var s = src.Pixels;
        if (src.Channels == 1)
        {
            long grey = 0;
            foreach (var v in s)
            {
                grey += v;
            }
            return [(float)(grey / n)];
        }
        long r = 0, g = 0, b = 0;
        for (var i = 0; i + 2 < s.Length; i += 3)
        {
            r += s[i];
            g += s[i + 1];
            b += s[i + 2];
        }
        return [(float)(r / n), (float)(g / n), (float)(b / n)];
    }

    /// <summary>Histogram of each channel: channels x 256 counts.</summary>
    public static int[] Histograms(ImageBuffer src)
    {
        ArgumentNullException.ThrowIfNull(src);
        var ch = src.Channels;
        var h = new int[ch * 256];
        var s = src.Pixels;
        for (var i = 0; i < s.Length; i += ch)
        {
            for (var c = 0; c < ch; c++)
            {
                h[c * 256 + s[i + c]]++;
            }
        }
        return h;
    }

    /// <summary>Tables that equalise each channel's histogram (PIL ImageOps.equalize semantics).</summary>
    public static byte[] EqualizeLut(ImageBuffer src)
    {
        var h = Histograms(src);
        var ch = src.Channels;
        var lut = new byte[ch * 256];
        for (var c = 0; c < ch; c++)
        {
            var hist = h.AsSpan(c * 256, 256);
            var last = 255;
            while (last > 0 && hist[last] == 0)
            {
                last--;
            }
            var total = 0;
            foreach (var v in hist)
            {
                total += v;
            }
            var step = (total - hist[last]) / 255;
            if (step == 0)
            {
                for (var i = 0; i < 256; i++)
                {
                    lut[c * 256 + i] = (byte)i;
                }
                continue;
            }
            var n = step / 2;
            for (var i = 0; i < 256; i++)
            {
                lut[c * 256 + i] = (byte)Math.Min(255, n / step);
                n += hist[i];
            }
        }
        return lut;
    }

    /// <summary>Tables that stretch each channel to the full 0..255 range (torchvision autocontrast).</summary>
    public static byte[] AutoContrastLut(ImageBuffer src)
    {
        var h = Histograms(src);
        var ch = src.Channels;
        var lut = new byte[ch * 256];
        for (var c = 0; c < ch; c++)
        {
            var hist = h.AsSpan(c * 256, 256);
            var lo = 0;
            while (lo < 255 && hist[lo] == 0)
            {
                lo++;
            }
            var hi = 255;
            while (hi > 0 && hist[hi] == 0)
            {
                hi--;
            }
            for (var i = 0; i < 256; i++)
            {
                lut[c * 256 + i] = hi <= lo ? (byte)i : WarpKernels.ClampByte((i - lo) * 255.0 / (hi - lo));
            }
        }
        return lut;
    }

    /// <summary>Keeps the top <paramref name="bits"/> bits.</summary>
    public static byte[] PosterizeLut(int bits)
    {
        var mask = (byte)(0xFF << (8 - Math.Clamp(bits, 0, 8)));
        var lut = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            lut[i] = (byte)(i & mask);
        }
        return lut;
    }

    /// <summary>Inverts values at or above <paramref name="threshold"/>.</summary>
    public static byte[] SolarizeLut(float threshold)
    {
        var lut = new byte[256];
        for (var i = 0; i < 256; i++)
        {
            lut[i] = i >= threshold ? (byte)(255 - i) : (byte)i;
        }
        return lut;
    }

    private static byte Clamp(int v) => (byte)Math.Clamp(v, 0, 255);
}
