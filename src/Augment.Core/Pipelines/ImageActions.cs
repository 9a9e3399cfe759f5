using Augment.Core.Imaging;

namespace Augment.Core.Pipelines;

/// <summary>Deterministic steps shared by single-operation nodes and the RandAugment / TrivialAugment policies.
/// Parameters are already drawn; these only apply them to a canvas.</summary>
internal static class ImageActions
{
    public static void HorizontalFlip(Canvas c) =>
        c.Transform(new Matrix3(-1, 0, c.Width, 0, 1, 0, 0, 0, 1), c.Width, c.Height);

    public static void VerticalFlip(Canvas c) =>
        c.Transform(new Matrix3(1, 0, 0, 0, -1, c.Height, 0, 0, 1), c.Width, c.Height);

    /// <summary>Counter-clockwise rotation about the centre; with <paramref name="expand"/> the canvas grows to fit.</summary>
    public static void Rotate(Canvas c, double degrees, bool expand, IReadOnlyList<float> fill)
    {
        var m = Matrix3.Rotation(degrees, c.Width / 2.0, c.Height / 2.0);
        if (!expand)
        {
            c.Transform(m, c.Width, c.Height, fill);
            return;
        }
        var r = degrees * Math.PI / 180.0;
        var cos = Math.Abs(Math.Cos(r));
        var sin = Math.Abs(Math.Sin(r));
        var w = Math.Max(1, (int)Math.Ceiling(c.Width * cos + c.Height * sin - 1e-6));
        var h = Math.Max(1, (int)Math.Ceiling(c.Width * sin + c.Height * cos - 1e-6));
        var recentre = Matrix3.Translation((w - c.Width) / 2.0, (h - c.Height) / 2.0);
        c.Transform(recentre * m, w, h, fill);
    }

    /// <summary>torchvision-style affine about the centre: translate(t) * rotate * shear * scale.</summary>
    public static void Affine(Canvas c, double degrees, double tx, double ty, double scale, double shearX, double shearY, IReadOnlyList<float> fill)
    {
        double cx = c.Width / 2.0, cy = c.Height / 2.0;
        var shear = new Matrix3(1, Math.Tan(shearX * Math.PI / 180), 0, Math.Tan(shearY * Math.PI / 180), 1, 0, 0, 0, 1);
        var m = Matrix3.Translation(cx + tx, cy + ty) * Matrix3.Rotation(degrees, 0, 0) * shear * Matrix3.Scaling(scale, scale) * Matrix3.Translation(-cx, -cy);
        c.Transform(m, c.Width, c.Height, fill);
    }

    /// <summary>Crops the window at (x, y) of w x h (may extend past the image: the outside takes the fill).</summary>
    public static void Crop(Canvas c, double x, double y, int w, int h, IReadOnlyList<float>? fill = null) =>
        c.Transform(Matrix3.Translation(-x, -y), w, h, fill);

    /// <summary>Crops (x, y, w, h) and resizes it to outW x outH, in one matrix.</summary>
    public static void ResizedCrop(Canvas c, double x, double y, double w, double h, int outW, int outH) =>
        c.Transform(Matrix3.Scaling(outW / w, outH / h) * Matrix3.Translation(-x, -y), outW, outH);

    public static void Resize(Canvas c, int w, int h) =>
        c.Transform(Matrix3.Scaling((double)w / c.Width, (double)h / c.Height), w, h);

    public static void Brightness(Canvas c, float f) => c.Color(ColorMatrix.Scale(f));

    public static void Contrast(Canvas c, float f) => c.Color(ColorMatrix.Contrast(f, c.MeanGrey()));

    public static void Saturation(Canvas c, float f)
    {
        if (c.Channels == 3)
        {
            c.Color(ColorMatrix.Saturation(f));
        }
    }

    public static void Hue(Canvas c, float turns)
    {
        if (c.Channels == 3)
        {
            c.Color(ColorMatrix.Hue(turns));
        }
    }

    public static void Sharpness(Canvas c, float f) => c.Replace(FilterKernels.Sharpness(c.Pixels(), f));

    public static void Posterize(Canvas c, int bits) => c.Replace(ColorKernels.ApplyLut(c.Pixels(), ColorKernels.PosterizeLut(bits)));

    public static void Solarize(Canvas c, float threshold) => c.Replace(ColorKernels.ApplyLut(c.Pixels(), ColorKernels.SolarizeLut(threshold)));

    public static void Equalize(Canvas c)
    {
        var img = c.Pixels();
        c.Replace(ColorKernels.ApplyLut(img, ColorKernels.EqualizeLut(img)));
    }

    public static void AutoContrast(Canvas c)
    {
        var img = c.Pixels();
        c.Replace(ColorKernels.ApplyLut(img, ColorKernels.AutoContrastLut(img)));
    }
}
