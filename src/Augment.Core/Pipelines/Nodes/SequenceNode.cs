using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Runs every child in order.</summary>
internal sealed class SequenceNode(NodeInfo info, ImageNode[] children) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        foreach (var child in children)
        {
            child.Run(canvas, salt);
        }
    }
}
