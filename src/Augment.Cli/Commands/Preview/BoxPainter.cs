using Augment.Core.Imaging;

namespace Augment.Cli.Commands.Preview;

/// <summary>Draws box outlines into an RGB <see cref="ImageBuffer"/> (ImageSharp.Drawing is not used).</summary>
internal static class BoxPainter
{
    private static readonly byte[][] Palette =
    [
        [255, 230, 0], [0, 255, 255], [255, 0, 255], [0, 255, 0],
        [255, 128, 0], [255, 255, 255], [128, 160, 255], [255, 96, 96],
    ];

    private static readonly byte[] Edge = [0, 0, 0];

    /// <summary>Draws a box as a <paramref name="thickness"/>-pixel outline in <paramref name="color"/> with a one-pixel
    /// black line inside it, so the outline shows on any background.</summary>
    public static void DrawBox(ImageBuffer target, float x1, float y1, float x2, float y2, int thickness,
        ReadOnlySpan<byte> color, (int X, int Y, int Width, int Height) clip)
    {
        DrawRectangle(target, x1, y1, x2, y2, thickness + 1, Edge, clip);
        DrawRectangle(target, x1, y1, x2, y2, thickness, color, clip);
    }

    /// <summary>The outline colour of <paramref name="label"/>.</summary>
    public static ReadOnlySpan<byte> ColorOf(int label) => Palette[(int)((uint)label % (uint)Palette.Length)];

    /// <summary>Draws the outline of the box (x1, y1)-(x2, y2) (x2, y2 exclusive), <paramref name="thickness"/> pixels
    /// wide inside the box, clipped to the image and to <paramref name="clip"/> (x, y, width, height).</summary>
    public static void DrawRectangle(ImageBuffer target, float x1, float y1, float x2, float y2, int thickness,
        ReadOnlySpan<byte> color, (int X, int Y, int Width, int Height) clip)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Channels != 3)
        {
            throw new ArgumentException("target must be RGB", nameof(target));
        }
        var left = (int)MathF.Round(x1);
        var top = (int)MathF.Round(y1);
        var right = (int)MathF.Round(x2) - 1;
        var bottom = (int)MathF.Round(y2) - 1;
        if (right < left || bottom < top)
        {
            return;
        }
        var t = Math.Max(1, Math.Min(thickness, Math.Min(right - left + 1, bottom - top + 1)));
        Fill(target, left, top, right, top + t - 1, color, clip);
        Fill(target, left, bottom - t + 1, right, bottom, color, clip);
        Fill(target, left, top, left + t - 1, bottom, color, clip);
        Fill(target, right - t + 1, top, right, bottom, color, clip);
    }

    private static void Fill(ImageBuffer target, int x0, int y0, int x1, int y1, ReadOnlySpan<byte> color,
        (int X, int Y, int Width, int Height) clip)
    {
        x0 = Math.Max(x0, Math.Max(0, clip.X));
        y0 = Math.Max(y0, Math.Max(0, clip.Y));
        x1 = Math.Min(x1, Math.Min(target.Width, clip.X + clip.Width) - 1);
        y1 = Math.Min(y1, Math.Min(target.Height, clip.Y + clip.Height) - 1);
        var p = target.Pixels;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                var i = (y * target.Width + x) * 3;
                p[i] = color[0];
                p[i + 1] = color[1];
                p[i + 2] = color[2];
            }
        }
    }
}
