namespace Augment.Core.Imaging;

/// <summary>An axis-aligned box in pixels, xyxy (x2, y2 exclusive edges), with a class label.</summary>
public readonly record struct BoundingBox(float X1, float Y1, float X2, float Y2, int Label)
{
    /// <summary>Width (0 when inverted).</summary>
    public float Width => Math.Max(0, X2 - X1);

    /// <summary>Height (0 when inverted).</summary>
    public float Height => Math.Max(0, Y2 - Y1);

    /// <summary>Area in square pixels.</summary>
    public float Area => Width * Height;
}
