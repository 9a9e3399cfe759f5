using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>A fixed colour matrix: Grayscale, Invert.</summary>
internal sealed class ColorMatrixNode(NodeInfo info, ColorMatrix matrix) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt) => canvas.Color(matrix);
}
