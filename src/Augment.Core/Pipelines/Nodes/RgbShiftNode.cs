using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Colour casting (albumentations RGBShift): a shift drawn from [-limit, limit] per channel.</summary>
internal sealed class RgbShiftNode(NodeInfo info, float r, float g, float b) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var dr = (float)rng.Uniform(-r, r);
        var dg = (float)rng.Uniform(-g, g);
        var db = (float)rng.Uniform(-b, b);
        canvas.Color(ColorMatrix.Shift(dr, dg, db));
    }
}
