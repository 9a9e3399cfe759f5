using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Additive Gaussian noise on the 0..1 scale, clipped (noise injection).</summary>
internal sealed class GaussianNoiseNode(NodeInfo info, double mean, (double Min, double Max) sigma, bool sameForAllChannels) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var s = rng.Uniform(sigma.Min, sigma.Max);
        canvas.Replace(FilterKernels.GaussianNoise(canvas.Pixels(), mean, s, sameForAllChannels, ref rng));
    }
}
