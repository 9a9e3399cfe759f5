using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Resize to an exact size, or the shorter side to a length keeping the aspect ratio (torchvision Resize).</summary>
internal sealed class ResizeNode(NodeInfo info, int width, int height, int shorterSide, int maxSize) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        if (shorterSide <= 0)
        {
            ImageActions.Resize(canvas, width, height);
            return;
        }
        var (w, h) = ShorterSide(canvas.Width, canvas.Height, shorterSide, maxSize);
        ImageActions.Resize(canvas, w, h);
    }

    internal static (int W, int H) ShorterSide(int w, int h, int size, int maxSize)
    {
        var shortSide = Math.Min(w, h);
        var longSide = Math.Max(w, h);
        double newShort = size, newLong = (double)size * longSide / shortSide;
        if (maxSize > 0 && newLong > maxSize)
        {
            newShort = (double)maxSize * newShort / newLong;
            newLong = maxSize;
        }
        int ns = Math.Max(1, (int)newShort), nl = Math.Max(1, (int)newLong);
        return w <= h ? (ns, nl) : (nl, ns);
    }
}
