namespace Augment.Core.Pipelines.Nodes;

/// <summary>Magnitude tables of torchvision's augmentation spaces (RandAugment's and TrivialAugmentWide's "wide" one).</summary>
internal static class PolicySpace
{
    /// <summary>The magnitude of <paramref name="op"/> at <paramref name="bin"/> of <paramref name="bins"/>, and whether
    /// its sign is random. Translations are returned in pixels for an image of width x height.</summary>
    public static (double Magnitude, bool Signed) Magnitude(PolicyOp op, int bin, int bins, bool wide, int width, int height)
    {
        double Lin(double hi) => bins <= 1 ? 0 : hi * bin / (bins - 1);
        double LinDown(double from) => bins <= 1 ? from : from - from * bin / (bins - 1);
        return op switch
        {
            PolicyOp.ShearX or PolicyOp.ShearY => (Lin(wide ? 0.99 : 0.3), true),
            PolicyOp.TranslateX => (wide ? Lin(32) : Lin(150.0 / 331.0 * width), true),
            PolicyOp.TranslateY => (wide ? Lin(32) : Lin(150.0 / 331.0 * height), true),
            PolicyOp.Rotate => (Lin(wide ? 135 : 30), true),
            PolicyOp.Brightness or PolicyOp.Color or PolicyOp.Contrast or PolicyOp.Sharpness => (Lin(wide ? 0.99 : 0.9), true),
            PolicyOp.Posterize => (8 - (int)Math.Round(bins <= 1 ? 0 : bin / ((bins - 1) / (wide ? 6.0 : 4.0)), MidpointRounding.ToEven), false),
            PolicyOp.Solarize => (LinDown(255.0), false),
            _ => (0, false),
        };
    }

    /// <summary>Applies <paramref name="op"/> with a signed magnitude (torchvision's _apply_op).</summary>
    public static void Apply(Canvas c, PolicyOp op, double m, float[] fill)
    {
        switch (op)
        {
            case PolicyOp.ShearX:
                c.Transform(new Imaging.Matrix3(1, m, 0, 0, 1, 0, 0, 0, 1), c.Width, c.Height, fill);
                break;
            case PolicyOp.ShearY:
                c.Transform(new Imaging.Matrix3(1, 0, 0, m, 1, 0, 0, 0, 1), c.Width, c.Height, fill);
                break;
            case PolicyOp.TranslateX:
                c.Transform(Imaging.Matrix3.Translation((int)m, 0), c.Width, c.Height, fill);
                break;
            case PolicyOp.TranslateY:
                c.Transform(Imaging.Matrix3.Translation(0, (int)m), c.Width, c.Height, fill);
                break;
            case PolicyOp.Rotate:
                ImageActions.Rotate(c, m, false, fill);
                break;
            case PolicyOp.Brightness:
                ImageActions.Brightness(c, (float)(1 + m));
                break;
            case PolicyOp.Color:
                ImageActions.Saturation(c, (float)(1 + m));
                break;
            case PolicyOp.Contrast:
                ImageActions.Contrast(c, (float)(1 + m));
                break;
            case PolicyOp.Sharpness:
                ImageActions.Sharpness(c, (float)(1 + m));
                break;
            case PolicyOp.Posterize:
                ImageActions.Posterize(c, (int)m);
                break;
            case PolicyOp.Solarize:
                ImageActions.Solarize(c, (float)m);
                break;
            case PolicyOp.AutoContrast:
                ImageActions.AutoContrast(c);
                break;
            case PolicyOp.Equalize:
                ImageActions.Equalize(c);
                break;
        }
    }
}
