namespace Augment.Core.Imaging;

/// <summary>An affine colour transform on the 0..255 scale: <c>out = M * rgb + offset</c>.
/// Consecutive matrix operations compose into one, so they cost one pass.</summary>
public readonly record struct ColorMatrix(
    float R0, float R1, float R2, float RO,
    float G0, float G1, float G2, float GO,
    float B0, float B1, float B2, float BO)
{
    /// <summary>Luma weights used for grey (torchvision's rgb_to_grayscale).</summary>
    public const float LumaR = 0.2989f, LumaG = 0.587f, LumaB = 0.114f;

    /// <summary>The identity.</summary>
    public static ColorMatrix Identity { get; } = Scale(1);

    /// <summary>Multiplies every channel (brightness).</summary>
    public static ColorMatrix Scale(float f) => new(f, 0, 0, 0, 0, f, 0, 0, 0, 0, f, 0);

    /// <summary>Adds a per-channel offset (colour cast).</summary>
    public static ColorMatrix Shift(float r, float g, float b) => new(1, 0, 0, r, 0, 1, 0, g, 0, 0, 1, b);

    /// <summary>Blends with the pixel's grey value: 1 keeps, 0 greys (saturation).</summary>
    public static ColorMatrix Saturation(float f)
    {
        var k = 1 - f;
        return new(
            f + k * LumaR, k * LumaG, k * LumaB, 0,
            k * LumaR, f + k * LumaG, k * LumaB, 0,
            k * LumaR, k * LumaG, f + k * LumaB, 0);
    }

    /// <summary>Blends with a constant grey level (contrast about <paramref name="meanGrey"/>).</summary>
    public static ColorMatrix Contrast(float f, float meanGrey)
    {
        var o = (1 - f) * meanGrey;
        return new(f, 0, 0, o, 0, f, 0, o, 0, 0, f, o);
    }

    /// <summary>Rotates hue by <paramref name="turns"/> (-0.5..0.5) in the YIQ chroma plane.</summary>
    public static ColorMatrix Hue(float turns)
    {
        var a = turns * 2 * Math.PI;
        double c = Math.Cos(a), s = Math.Sin(a);
        double[,] toYiq = { { 0.299, 0.587, 0.114 }, { 0.596, -0.274, -0.322 }, { 0.211, -0.523, 0.312 } };
        double[,] fromYiq = { { 1, 0.956, 0.621 }, { 1, -0.272, -0.647 }, { 1, -1.106, 1.703 } };
        double[,] rot = { { 1, 0, 0 }, { 0, c, -s }, { 0, s, c } };
        var m = Mul(fromYiq, Mul(rot, toYiq));
        return new((float)m[0, 0], (float)m[0, 1], (float)m[0, 2], 0, (float)m[1, 0], (float)m[1, 1], (float)m[1, 2], 0, (float)m[2, 0], (float)m[2, 1], (float)m[2, 2], 0);
    }

    /// <summary>Grey in all three channels.</summary>
    public static ColorMatrix Grayscale() => Saturation(0);

    /// <summary>255 - x.</summary>
    public static ColorMatrix Invert() => new(-1, 0, 0, 255, 0, -1, 0, 255, 0, 0, -1, 255);

    /// <summary>Output channel i takes input channel order[i].</summary>
    public static ColorMatrix Permute(int r, int g, int b)
    {
        Span<float> m = stackalloc float[9];
        m[r] = 1;
        m[3 + g] = 1;
        m[6 + b] = 1;
        return new(m[0], m[1], m[2], 0, m[3], m[4], m[5], 0, m[6], m[7], m[8], 0);
    }

    /// <summary>Composition: <c>(a * b)(x) = a(b(x))</c>.</summary>
    public static ColorMatrix operator *(ColorMatrix a, ColorMatrix b) => new(
        a.R0 * b.R0 + a.R1 * b.G0 + a.R2 * b.B0, a.R0 * b.R1 + a.R1 * b.G1 + a.R2 * b.B1, a.R0 * b.R2 + a.R1 * b.G2 + a.R2 * b.B2, a.R0 * b.RO + a.R1 * b.GO + a.R2 * b.BO + a.RO,
        a.G0 * b.R0 + a.G1 * b.G0 + a.G2 * b.B0, a.G0 * b.R1 + a.G1 * b.G1 + a.G2 * b.B1, a.G0 * b.R2 + a.G1 * b.G2 + a.G2 * b.B2, a.G0 * b.RO + a.G1 * b.GO + a.G2 * b.BO + a.GO,
        a.B0 * b.R0 + a.B1 * b.G0 + a.B2 * b.B0, a.B0 * b.R1 + a.B1 * b.G1 + a.B2 * b.B1, a.B0 * b.R2 + a.B1 * b.G2 + a.B2 * b.B2, a.B0 * b.RO + a.B1 * b.GO + a.B2 * b.BO + a.BO);

    /// <summary>Applies the matrix to one colour.</summary>
    public (float R, float G, float B) Apply(float r, float g, float b) =>
        (R0 * r + R1 * g + R2 * b + RO, G0 * r + G1 * g + G2 * b + GO, B0 * r + B1 * g + B2 * b + BO);

    private static double[,] Mul(double[,] a, double[,] b)
    {
        var r = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                r[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j] + a[i, 2] * b[2, j];
            }
        }
        return r;
    }
}
