using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandomPerspective: each corner moves inwards by up to distortion_scale x half the side.</summary>
internal sealed class PerspectiveNode(NodeInfo info, double distortion, float[] fill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        double w = canvas.Width, h = canvas.Height;
        var dx = distortion * w / 2;
        var dy = distortion * h / 2;
        Span<(double, double)> from = [(0, 0), (w, 0), (w, h), (0, h)];
        Span<(double, double)> to =
        [
            (rng.Uniform(0, dx), rng.Uniform(0, dy)),
            (w - rng.Uniform(0, dx), rng.Uniform(0, dy)),
            (w - rng.Uniform(0, dx), h - rng.Uniform(0, dy)),
            (rng.Uniform(0, dx), h - rng.Uniform(0, dy)),
        ];
        canvas.Transform(Matrix3.FromQuad(from, to), canvas.Width, canvas.Height, fill);
    }
}
