using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>HorizontalFlip or VerticalFlip (use p for the random variants).</summary>
internal sealed class FlipNode(NodeInfo info, bool vertical) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        if (vertical)
        {
            ImageActions.VerticalFlip(canvas);
        }
        else
        {
            ImageActions.HorizontalFlip(canvas);
        }
    }
}
