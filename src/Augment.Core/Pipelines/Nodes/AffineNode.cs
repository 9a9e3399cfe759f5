using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandomAffine: angle, translation, scale and shear drawn independently.</summary>
internal sealed class AffineNode(NodeInfo info, (double Min, double Max) degrees, double translateX, double translateY,
    (double Min, double Max) scale, (double Min, double Max) shearX, (double Min, double Max) shearY, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var angle = rng.Uniform(degrees.Min, degrees.Max);
        var maxDx = translateX * canvas.Width;
        var maxDy = translateY * canvas.Height;
        var tx = Math.Round(rng.Uniform(-maxDx, maxDx));
        var ty = Math.Round(rng.Uniform(-maxDy, maxDy));
        var s = rng.Uniform(scale.Min, scale.Max);
        var sx = rng.Uniform(shearX.Min, shearX.Max);
        var sy = rng.Uniform(shearY.Min, shearY.Max);
        ImageActions.Affine(canvas, angle, tx, ty, s, sx, sy, fill);
    }
}
