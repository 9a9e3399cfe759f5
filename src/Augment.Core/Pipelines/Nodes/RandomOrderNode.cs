using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Runs every child in a random order.</summary>
internal sealed class RandomOrderNode(NodeInfo info, ImageNode[] children) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        Span<int> order = stackalloc int[children.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        rng.Shuffle(order);
        foreach (var i in order)
        {
            children[i].Run(canvas, salt);
        }
    }
}
