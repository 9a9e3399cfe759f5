using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandAugment: num_ops operations drawn uniformly, each at the fixed magnitude bin,
/// with a random sign where the operation is signed.</summary>
internal sealed class RandAugmentNode(NodeInfo info, int numOps, int magnitude, int bins, float[] fill) : ImageNode(info)
{
    private static readonly PolicyOp[] Ops = Enum.GetValues<PolicyOp>();

    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        for (var i = 0; i < numOps; i++)
        {
            var op = Ops[rng.NextInt(Ops.Length)];
            var (m, signed) = PolicySpace.Magnitude(op, magnitude, bins, wide: false, canvas.Width, canvas.Height);
            if (signed && rng.NextInt(2) == 1)
            {
                m = -m;
            }
            PolicySpace.Apply(canvas, op, m, fill);
        }
    }
}
