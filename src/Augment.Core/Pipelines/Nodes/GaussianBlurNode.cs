using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision GaussianBlur: sigma drawn from its range; kernel size fixed or 2 ceil(3 sigma) + 1.</summary>
internal sealed class GaussianBlurNode(NodeInfo info, int kernelSize, (double Min, double Max) sigma) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var s = rng.Uniform(sigma.Min, sigma.Max);
        var k = kernelSize > 0 ? kernelSize : 2 * (int)Math.Ceiling(3 * s) + 1;
        canvas.Replace(FilterKernels.GaussianBlur(canvas.Pixels(), k, s));
    }
}
