using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Permutes the RGB channels at random (a permutation matrix, fused with other colour steps).</summary>
internal sealed class ChannelShuffleNode(NodeInfo info) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        Span<int> order = [0, 1, 2];
        rng.Shuffle(order);
        if (canvas.Channels == 3)
        {
            canvas.Color(ColorMatrix.Permute(order[0], order[1], order[2]));
        }
    }
}
