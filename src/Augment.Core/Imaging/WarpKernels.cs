namespace Augment.Core.Imaging;

/// <summary>Resampling kernels: one pass from a source image to the output through an inverse matrix
/// (output pixel centre to source position). Pure: the source is never written.</summary>
public static class WarpKernels
{
    private const int Shift = 11;
    private const int One = 1 << Shift;

    /// <summary>Resamples <paramref name="src"/> into a new width x height image through
    /// <paramref name="inverse"/> (output coordinates to source coordinates). Positions that fall outside the
    /// source take <paramref name="fill"/> (per channel, 0..255).</summary>
    public static ImageBuffer Warp(ImageBuffer src, in Matrix3 inverse, int width, int height, ReadOnlySpan<float> fill, bool nearest)
    {
        ArgumentNullException.ThrowIfNull(src);
        var dst = new ImageBuffer(width, height, src.Channels);
        Span<byte> fillBytes = stackalloc byte[src.Channels];
        for (var c = 0; c < src.Channels; c++)
        {
            fillBytes[c] = fill.IsEmpty ? (byte)0 : ClampByte(fill[Math.Min(c, fill.Length - 1)]);
        }
        var m = inverse;
        var source = src;
        if (!nearest)
        {
            // Area pre-filter for strong downscaling, so bilinear sampling does not alias.
            var (sx, sy) = SourceStep(m, width, height);
            var k = (int)Math.Floor(Math.Min(sx, sy) / 1.5);
            if (k >= 2)
            {
                source = Downsample(src, k);
                m = Matrix3.Scaling(1.0 / k, 1.0 / k) * m;
            }
        }
        if (nearest)
        {
            WarpNearest(source, m, dst, fillBytes);
        }
        else
        {
            WarpBilinear(source, m, dst, fillBytes);
        }
        return dst;
    }

    /// <summary>Copies the window at (x, y) of size width x height; outside the source takes the fill.</summary>
    public static ImageBuffer CropPad(ImageBuffer src, int x, int y, int width, int height, ReadOnlySpan<float> fill)
    {
        ArgumentNullException.ThrowIfNull(src);
        var ch = src.Channels;
        var dst = new ImageBuffer(width, height, ch);
        var d = dst.Pixels.AsSpan();
        for (var c = 0; c < ch; c++)
        {
            var v = fill.IsEmpty ? (byte)0 : ClampByte(fill[Math.Min(c, fill.Length - 1)]);
            if (v != 0)
            {
                for (var i = c; i < d.Length; i += ch)
                {
                    d[i] = v;
                }
            }
        }
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(src.Width, x + width);
        var y0 = Math.Max(0, y);
        var y1 = Math.Min(src.Height, y + height);
        if (x1 <= x0 || y1 <= y0)
        {
            return dst;
        }
        var rowBytes = (x1 - x0) * ch;
        for (var sy = y0; sy < y1; sy++)
        {
            src.Pixels.AsSpan((sy * src.Width + x0) * ch, rowBytes)
                .CopyTo(d.Slice(((sy - y) * width + (x0 - x)) * ch, rowBytes));
        }
        return dst;
    }

    /// <summary>Averages k x k blocks (the last partial block averages what it has).</summary>
    public static ImageBuffer Downsample(ImageBuffer src, int k)
    {
        ArgumentNullException.ThrowIfNull(src);
        var w = (src.Width + k - 1) / k;
        var h = (src.Height + k - 1) / k;
        var ch = src.Channels;
        var dst = new ImageBuffer(w, h, ch);
        var sums = new int[w * ch];
        var counts = new int[w];
        var s = src.Pixels;
        for (var by = 0; by < h; by++)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            var yEnd = Math.Min(src.Height, (by + 1) * k);
            for (var y = by * k; y < yEnd; y++)
            {
                var row = y * src.Width * ch;
                for (var x = 0; x < src.Width; x++)
                {
                    var bx = x / k;
                    counts[bx]++;
                    for (var c = 0; c < ch; c++)
                    {
                        sums[bx * ch + c] += s[row + x * ch + c];
                    }
                }
            }
            var o = by * w * ch;
            for (var bx = 0; bx < w; bx++)
            {
                var n = counts[bx];
                for (var c = 0; c < ch; c++)
                {
                    dst.Pixels[o + bx * ch + c] = (byte)((sums[bx * ch + c] + n / 2) / n);
                }
            }
        }
        return dst;
    }

    private static (double Sx, double Sy) SourceStep(in Matrix3 m, int width, int height)
    {
        // Source distance travelled per output pixel, measured at the output centre.
        var cx = width / 2.0;
        var cy = height / 2.0;
        var (x0, y0) = m.Apply(cx, cy);
        var (x1, y1) = m.Apply(cx + 1, cy);
        var (x2, y2) = m.Apply(cx, cy + 1);
        return (Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)), Math.Sqrt((x2 - x0) * (x2 - x0) + (y2 - y0) * (y2 - y0)));
    }

    private static void WarpBilinear(ImageBuffer src, in Matrix3 m, ImageBuffer dst, ReadOnlySpan<byte> fill)
    {
        if (m.IsAffine && m.M01 == 0 && m.M10 == 0)
        {
            WarpAxisAligned(src, m, dst, fill);
            return;
        }
        if (m.IsAffine && src.Channels == 3 && src.Width < 32768 && src.Height < 32768)
        {
            WarpAffineRgb(src, m, dst, fill);
            return;
        }
        int sw = src.Width, sh = src.Height, ch = src.Channels, stride = src.Stride;
        var s = src.Pixels;
        var d = dst.Pixels;
        var affine = m.IsAffine;
        var o = 0;
        for (var y = 0; y < dst.Height; y++)
        {
            var py = y + 0.5;
            for (var x = 0; x < dst.Width; x++, o += ch)
            {
                var px = x + 0.5;
                double fx, fy;
                if (affine)
                {
                    fx = m.M00 * px + m.M01 * py + m.M02 - 0.5;
                    fy = m.M10 * px + m.M11 * py + m.M12 - 0.5;
                }
                else
                {
                    var w = 1.0 / (m.M20 * px + m.M21 * py + m.M22);
                    fx = (m.M00 * px + m.M01 * py + m.M02) * w - 0.5;
                    fy = (m.M10 * px + m.M11 * py + m.M12) * w - 0.5;
                }
                if (!(fx >= -0.5 && fy >= -0.5 && fx <= sw - 0.5 && fy <= sh - 0.5))
                {
                    for (var c = 0; c < ch; c++)
                    {
                        d[o + c] = fill[c];
                    }
                    continue;
                }
                var x0 = (int)Math.Floor(fx);
                var y0 = (int)Math.Floor(fy);
                var wx = (int)((fx - x0) * One + 0.5);
                var wy = (int)((fy - y0) * One + 0.5);
                var xa = x0 < 0 ? 0 : x0;
                var xb = x0 + 1 >= sw ? sw - 1 : x0 + 1;
                var ya = y0 < 0 ? 0 : y0;
                var yb = y0 + 1 >= sh ? sh - 1 : y0 + 1;
                int ia = ya * stride, ib = yb * stride;
                int ca = xa * ch, cb = xb * ch;
                for (var c = 0; c < ch; c++)
                {
                    var top = s[ia + ca + c] * (One - wx) + s[ia + cb + c] * wx;
                    var bottom = s[ib + ca + c] * (One - wx) + s[ib + cb + c] * wx;
                    d[o + c] = (byte)(((long)top * (One - wy) + (long)bottom * wy + (1L << (2 * Shift - 1))) >> (2 * Shift));
                }
            }
        }
    }

    /// <summary>Scale + translate (+ flips): separable bilinear. Source rows are blended vertically once per output
    /// row over the columns that are read, then columns horizontally through per-column tables. The integer sums
    /// are exact, so the result equals the general kernel's formula for the same weights.</summary>
    private static unsafe void WarpAxisAligned(ImageBuffer src, in Matrix3 m, ImageBuffer dst, ReadOnlySpan<byte> fill)
    {
        int sw = src.Width, sh = src.Height, ch = src.Channels, stride = src.Stride, dw = dst.Width, dh = dst.Height;
        var xa = new int[dw];
        var wx = new int[dw];
        var inside = new bool[dw];
        int colMin = int.MaxValue, colMax = -1;
        for (var x = 0; x < dw; x++)
        {
            var fx = m.M00 * (x + 0.5) + m.M02 - 0.5;
            inside[x] = fx >= -0.5 && fx <= sw - 0.5;
            var x0 = (int)Math.Floor(fx);
            wx[x] = (int)((fx - x0) * One + 0.5);
            xa[x] = x0;
            if (inside[x])
            {
                colMin = Math.Min(colMin, Math.Max(0, x0));
                colMax = Math.Max(colMax, Math.Min(sw - 1, x0 + 1));
            }
        }
        var tmp = new int[(sw + 2) * ch];
        fixed (byte* s = src.Pixels)
        fixed (byte* d0 = dst.Pixels)
        fixed (int* t = tmp)
        {
            for (var y = 0; y < dh; y++)
            {
                var row = d0 + y * dw * ch;
                var fy = m.M11 * (y + 0.5) + m.M12 - 0.5;
                if (!(fy >= -0.5 && fy <= sh - 0.5) || colMax < 0)
                {
                    for (var x = 0; x < dw; x++)
                    {
                        for (var c = 0; c < ch; c++)
                        {
                            row[x * ch + c] = fill[c];
                        }
                    }
                    continue;
                }
                var y0 = (int)Math.Floor(fy);
                var wy = (int)((fy - y0) * One + 0.5);
                var ra = s + Math.Clamp(y0, 0, sh - 1) * stride;
                var rb = s + Math.Clamp(y0 + 1, 0, sh - 1) * stride;
                int iwy = One - wy, from = colMin * ch, to = (colMax + 1) * ch;
                for (var i = from; i < to; i++)
                {
                    t[i] = ra[i] * iwy + rb[i] * wy;
                }
                for (var x = 0; x < dw; x++)
                {
                    var o = row + x * ch;
                    if (!inside[x])
                    {
                        for (var c = 0; c < ch; c++)
                        {
                            o[c] = fill[c];
                        }
                        continue;
                    }
                    var a = Math.Clamp(xa[x], 0, sw - 1) * ch;
                    var b = Math.Clamp(xa[x] + 1, 0, sw - 1) * ch;
                    int w1 = wx[x], w0 = One - w1;
                    for (var c = 0; c < ch; c++)
                    {
                        o[c] = (byte)(((long)t[a + c] * w0 + (long)t[b + c] * w1 + (1L << (2 * Shift - 1))) >> (2 * Shift));
                    }
                }
            }
        }
    }

    /// <summary>Affine bilinear for RGB in 16.16 fixed point: interior pixels take a branch-free path; the
    /// one-pixel border and the outside go through the clamped path. Same rounding as the general kernel.</summary>
    private static unsafe void WarpAffineRgb(ImageBuffer src, in Matrix3 m, ImageBuffer dst, ReadOnlySpan<byte> fill)
    {
        int sw = src.Width, sh = src.Height, stride = src.Stride, dw = dst.Width;
        byte f0 = fill[0], f1 = fill[1], f2 = fill[2];
        const double scale = 65536.0;
        long ax = (long)Math.Round(m.M00 * scale), ay = (long)Math.Round(m.M10 * scale);
        fixed (byte* s = src.Pixels)
        fixed (byte* d0 = dst.Pixels)
        {
            var d = d0;
            for (var y = 0; y < dst.Height; y++)
            {
                var py = y + 0.5;
                // Source position of the first pixel centre of the row, minus half a pixel, in 16.16.
                var fx = (long)Math.Round((m.M00 * 0.5 + m.M01 * py + m.M02 - 0.5) * scale);
                var fy = (long)Math.Round((m.M10 * 0.5 + m.M11 * py + m.M12 - 0.5) * scale);
                for (var x = 0; x < dw; x++, fx += ax, fy += ay, d += 3)
                {
                    var x0 = (int)(fx >> 16);
                    var y0 = (int)(fy >> 16);
                    if ((uint)x0 < (uint)(sw - 1) && (uint)y0 < (uint)(sh - 1))
                    {
                        var wx = (int)((fx & 0xFFFF) >> 5);
                        var wy = (int)((fy & 0xFFFF) >> 5);
                        var p = s + y0 * stride + x0 * 3;
                        var q = p + stride;
                        int iwx = One - wx, iwy = One - wy;
                        d[0] = (byte)(((p[0] * iwx + p[3] * wx) * iwy + (q[0] * iwx + q[3] * wx) * wy + (1 << (2 * Shift - 1))) >> (2 * Shift));
                        d[1] = (byte)(((p[1] * iwx + p[4] * wx) * iwy + (q[1] * iwx + q[4] * wx) * wy + (1 << (2 * Shift - 1))) >> (2 * Shift));
                        d[2] = (byte)(((p[2] * iwx + p[5] * wx) * iwy + (q[2] * iwx + q[5] * wx) * wy + (1 << (2 * Shift - 1))) >> (2 * Shift));
                        continue;
                    }
                    var sx = fx / scale;
                    var sy = fy / scale;
                    if (!(sx >= -0.5 && sy >= -0.5 && sx <= sw - 0.5 && sy <= sh - 0.5))
                    {
                        d[0] = f0;
                        d[1] = f1;
                        d[2] = f2;
                        continue;
                    }
                    BorderSample(s, sw, sh, stride, sx, sy, d);
                }
            }
        }
    }

    private static unsafe void BorderSample(byte* s, int sw, int sh, int stride, double fx, double fy, byte* d)
    {
        var x0 = (int)Math.Floor(fx);
        var y0 = (int)Math.Floor(fy);
        var wx = (int)((fx - x0) * One + 0.5);
        var wy = (int)((fy - y0) * One + 0.5);
        var xa = Math.Clamp(x0, 0, sw - 1) * 3;
        var xb = Math.Clamp(x0 + 1, 0, sw - 1) * 3;
        var ya = Math.Clamp(y0, 0, sh - 1) * stride;
        var yb = Math.Clamp(y0 + 1, 0, sh - 1) * stride;
        for (var c = 0; c < 3; c++)
        {
            var top = s[ya + xa + c] * (One - wx) + s[ya + xb + c] * wx;
            var bottom = s[yb + xa + c] * (One - wx) + s[yb + xb + c] * wx;
            d[c] = (byte)(((long)top * (One - wy) + (long)bottom * wy + (1L << (2 * Shift - 1))) >> (2 * Shift));
        }
    }

    private static void WarpNearest(ImageBuffer src, in Matrix3 m, ImageBuffer dst, ReadOnlySpan<byte> fill)
    {
        int sw = src.Width, sh = src.Height, ch = src.Channels, stride = src.Stride;
        var s = src.Pixels;
        var d = dst.Pixels;
        var o = 0;
        for (var y = 0; y < dst.Height; y++)
        {
            for (var x = 0; x < dst.Width; x++, o += ch)
            {
                var (fx, fy) = m.Apply(x + 0.5, y + 0.5);
                var sx = (int)Math.Floor(fx);
                var sy = (int)Math.Floor(fy);
                if (sx < 0 || sy < 0 || sx >= sw || sy >= sh)
                {
                    for (var c = 0; c < ch; c++)
                    {
                        d[o + c] = fill[c];
                    }
                    continue;
                }
                var i = sy * stride + sx * ch;
                for (var c = 0; c < ch; c++)
                {
                    d[o + c] = s[i + c];
                }
            }
        }
    }

    internal static byte ClampByte(double v) => v <= 0 ? (byte)0 : v >= 255 ? (byte)255 : (byte)(v + 0.5);
}
