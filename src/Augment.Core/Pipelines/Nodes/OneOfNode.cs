using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Runs one child chosen with probability proportional to its weight.</summary>
internal sealed class OneOfNode(NodeInfo info, ImageNode[] children, double[] cumulativeWeights) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var u = rng.NextDouble() * cumulativeWeights[^1];
        var i = 0;
        while (i < children.Length - 1 && u >= cumulativeWeights[i])
        {
            i++;
        }
        children[i].Run(canvas, salt);
    }
}
