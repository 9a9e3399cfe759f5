namespace Augment.Core.Imaging;

/// <summary>A 3x3 projective matrix acting on column vectors (x, y, 1) in continuous pixel coordinates
/// (pixel i covers [i, i + 1)).</summary>
public readonly record struct Matrix3(
    double M00, double M01, double M02,
    double M10, double M11, double M12,
    double M20, double M21, double M22)
{
    /// <summary>The identity.</summary>
    public static Matrix3 Identity { get; } = new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>True when the last row is (0, 0, 1).</summary>
    public bool IsAffine => M20 == 0 && M21 == 0 && M22 == 1;

    /// <summary>A translation.</summary>
    public static Matrix3 Translation(double tx, double ty) => new(1, 0, tx, 0, 1, ty, 0, 0, 1);

    /// <summary>A scaling about the origin.</summary>
    public static Matrix3 Scaling(double sx, double sy) => new(sx, 0, 0, 0, sy, 0, 0, 0, 1);

    /// <summary>Visual counter-clockwise rotation by <paramref name="degrees"/> about (cx, cy) (y points down).</summary>
    public static Matrix3 Rotation(double degrees, double cx, double cy)
    {
        var r = degrees * Math.PI / 180.0;
        var c = Math.Cos(r);
        var s = Math.Sin(r);
        var rot = new Matrix3(c, s, 0, -s, c, 0, 0, 0, 1);
        return Translation(cx, cy) * rot * Translation(-cx, -cy);
    }

    /// <summary>Composition: <c>(a * b)(p) = a(b(p))</c>.</summary>
    public static Matrix3 operator *(Matrix3 a, Matrix3 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20,
        a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21,
        a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20,
        a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21,
        a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20,
        a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21,
        a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    /// <summary>Maps a point.</summary>
    public (double X, double Y) Apply(double x, double y)
    {
        var w = M20 * x + M21 * y + M22;
        return ((M00 * x + M01 * y + M02) / w, (M10 * x + M11 * y + M12) / w);
    }

    /// <summary>The inverse (throws for a singular matrix).</summary>
    public Matrix3 Invert()
    {
        var c00 = M11 * M22 - M12 * M21;
        var c01 = M12 * M20 - M10 * M22;
        var c02 = M10 * M21 - M11 * M20;
        var det = M00 * c00 + M01 * c01 + M02 * c02;
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("geometric transform is singular");
        }
        var inv = 1.0 / det;
        if (IsAffine)
        {
            // Keep the inverse of an affine map exactly affine, so kernels take their affine fast paths.
            return new Matrix3(
                c00 * inv, (M02 * M21 - M01 * M22) * inv, (M01 * M12 - M02 * M11) * inv,
                c01 * inv, (M00 * M22 - M02 * M20) * inv, (M02 * M10 - M00 * M12) * inv,
                0, 0, 1);
        }
        return new Matrix3(
            c00 * inv, (M02 * M21 - M01 * M22) * inv, (M01 * M12 - M02 * M11) * inv,
            c01 * inv, (M00 * M22 - M02 * M20) * inv, (M02 * M10 - M00 * M12) * inv,
            c02 * inv, (M01 * M20 - M00 * M21) * inv, (M00 * M11 - M01 * M10) * inv);
    }

    /// <summary>The homography mapping four source points onto four destination points.</summary>
    public static Matrix3 FromQuad(ReadOnlySpan<(double X, double Y)> from, ReadOnlySpan<(double X, double Y)> to)
    {
        var a = new double[8, 9];
        for (var i = 0; i < 4; i++)
        {
            var (x, y) = from[i];
            var (u, v) = to[i];
            int r = 2 * i, q = r + 1;
            a[r, 0] = x; a[r, 1] = y; a[r, 2] = 1; a[r, 6] = -u * x; a[r, 7] = -u * y; a[r, 8] = u;
            a[q, 3] = x; a[q, 4] = y; a[q, 5] = 1; a[q, 6] = -v * x; a[q, 7] = -v * y; a[q, 8] = v;
        }
        var h = LinearSolve.Solve(a);
        return new Matrix3(h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1);
    }

    /// <summary>True when this is a translation by whole pixels.</summary>
    public bool IsIntegerTranslation(out int dx, out int dy)
    {
        dx = (int)Math.Round(M02);
        dy = (int)Math.Round(M12);
        return M00 == 1 && M01 == 0 && M10 == 0 && M11 == 1 && IsAffine
            && Math.Abs(M02 - dx) < 1e-9 && Math.Abs(M12 - dy) < 1e-9;
    }
}
