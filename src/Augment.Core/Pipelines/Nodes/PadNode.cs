using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Constant padding on each side.</summary>
internal sealed class PadNode(NodeInfo info, int left, int top, int right, int bottom, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt) =>
        ImageActions.Crop(canvas, -left, -top, canvas.Width + left + right, canvas.Height + top + bottom, fill);
}
