using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision adjust_sharpness with a factor drawn from its range.</summary>
internal sealed class SharpnessNode(NodeInfo info, (double Min, double Max) factor) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt) =>
        ImageActions.Sharpness(canvas, (float)rng.Uniform(factor.Min, factor.Max));
}
