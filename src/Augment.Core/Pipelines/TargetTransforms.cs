using Augment.Contracts.V1;
using Augment.Core.Imaging;

namespace Augment.Core.Pipelines;

/// <summary>Moves boxes and keypoints with the same matrix as the pixels.</summary>
internal static class TargetTransforms
{
    /// <summary>Each box becomes the bounding rectangle of its four transformed corners, clipped to the image;
    /// boxes whose visible fraction is below min_visibility or whose side is below min_size are dropped.</summary>
    public static List<BoundingBox> Boxes(List<BoundingBox> boxes, in Matrix3 forward, int width, int height, BoxParams? p)
    {
        if (boxes.Count == 0)
        {
            return boxes;
        }
        var minVisibility = p?.MinVisibility ?? 0f;
        var minSize = p is { HasMinSize: true } ? p.MinSize : 1f;
        var result = new List<BoundingBox>(boxes.Count);
        foreach (var b in boxes)
        {
            var (ax, ay) = forward.Apply(b.X1, b.Y1);
            var (bx, by) = forward.Apply(b.X2, b.Y1);
            var (cx, cy) = forward.Apply(b.X1, b.Y2);
            var (dx, dy) = forward.Apply(b.X2, b.Y2);
            var x1 = Min4(ax, bx, cx, dx);
            var y1 = Min4(ay, by, cy, dy);
            var x2 = Max4(ax, bx, cx, dx);
            var y2 = Max4(ay, by, cy, dy);
            var full = (x2 - x1) * (y2 - y1);
            var clipped = new BoundingBox((float)Math.Clamp(x1, 0, width), (float)Math.Clamp(y1, 0, height),
                (float)Math.Clamp(x2, 0, width), (float)Math.Clamp(y2, 0, height), b.Label);
            if (clipped.Width < minSize || clipped.Height < minSize)
            {
                continue;
            }
            if (full > 0 && clipped.Area / full < minVisibility)
            {
                continue;
            }
            result.Add(clipped);
        }
        return result;
    }

    /// <summary>Keypoints move with the matrix; those that leave the image become invisible.</summary>
    public static List<Keypoint> Keypoints(List<Keypoint> points, in Matrix3 forward, int width, int height)
    {
        if (points.Count == 0)
        {
            return points;
        }
        var result = new List<Keypoint>(points.Count);
        foreach (var k in points)
        {
            var (x, y) = forward.Apply(k.X, k.Y);
            var inside = x >= 0 && y >= 0 && x < width && y < height;
            result.Add(new Keypoint((float)x, (float)y, k.Visible && inside));
        }
        return result;
    }

    private static double Min4(double a, double b, double c, double d) => Math.Min(Math.Min(a, b), Math.Min(c, d));

    private static double Max4(double a, double b, double c, double d) => Math.Max(Math.Max(a, b), Math.Max(c, d));
}
