using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision TrivialAugmentWide: one operation, one uniformly drawn magnitude bin of the wide space.</summary>
internal sealed class TrivialAugmentWideNode(NodeInfo info, int bins, float[] fill) : ImageNode(info)
{
    private static readonly PolicyOp[] Ops = Enum.GetValues<PolicyOp>();

    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var op = Ops[rng.NextInt(Ops.Length)];
        var bin = rng.NextInt(bins);
        var (m, signed) = PolicySpace.Magnitude(op, bin, bins, wide: true, canvas.Width, canvas.Height);
        if (signed && rng.NextInt(2) == 1)
        {
            m = -m;
        }
        PolicySpace.Apply(canvas, op, m, fill);
    }
}
