using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Rotation by an angle drawn uniformly from [min, max] degrees.</summary>
internal sealed class RotateNode(NodeInfo info, double min, double max, bool expand, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt) =>
        ImageActions.Rotate(canvas, rng.Uniform(min, max), expand, fill);
}
