using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandomCrop: optional padding on every side (and up to the crop size when pad_if_needed),
/// then a window at a uniform random position.</summary>
internal sealed class RandomCropNode(NodeInfo info, int width, int height, int padding, bool padIfNeeded, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        int w = canvas.Width + 2 * padding, h = canvas.Height + 2 * padding;
        int padX = padding, padY = padding;
        if (padIfNeeded && w < width)
        {
            padX += width - w;
            w += 2 * (width - w);
        }
        if (padIfNeeded && h < height)
        {
            padY += height - h;
            h += 2 * (height - h);
        }
        var x = rng.NextInt(0, Math.Max(0, w - width));
        var y = rng.NextInt(0, Math.Max(0, h - height));
        ImageActions.Crop(canvas, x - padX, y - padY, width, height, fill);
    }
}
