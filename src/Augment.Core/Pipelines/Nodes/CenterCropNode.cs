using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision CenterCrop (pads with zeros when the image is smaller than the crop).</summary>
internal sealed class CenterCropNode(NodeInfo info, int width, int height) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var x = (int)Math.Round((canvas.Width - width) / 2.0, MidpointRounding.ToEven);
        var y = (int)Math.Round((canvas.Height - height) / 2.0, MidpointRounding.ToEven);
        ImageActions.Crop(canvas, x, y, width, height);
    }
}
