using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Cutout (DeVries and Taylor 2017): num_holes squares of side length centred at uniform positions, clipped.</summary>
internal sealed class CutoutNode(NodeInfo info, int holes, int length, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var img = canvas.Pixels();
        for (var i = 0; i < holes; i++)
        {
            var cy = rng.NextInt(canvas.Height);
            var cx = rng.NextInt(canvas.Width);
            img = FilterKernels.FillRect(img, cx - length / 2, cy - length / 2, length, length, fill, false, ref rng);
        }
        canvas.Replace(img);
    }
}
