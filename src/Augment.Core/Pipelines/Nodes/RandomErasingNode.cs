using Augment.Core.Imaging;
using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandomErasing: one rectangle of random area fraction and aspect ratio (ten tries).</summary>
internal sealed class RandomErasingNode(NodeInfo info, (double Min, double Max) scale, (double Min, double Max) ratio, float[] fill, bool randomFill) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        int imgW = canvas.Width, imgH = canvas.Height;
        var area = (double)imgW * imgH;
        double logMin = Math.Log(ratio.Min), logMax = Math.Log(ratio.Max);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var erase = area * rng.Uniform(scale.Min, scale.Max);
            var aspect = Math.Exp(rng.Uniform(logMin, logMax));
            var h = (int)Math.Round(Math.Sqrt(erase * aspect));
            var w = (int)Math.Round(Math.Sqrt(erase / aspect));
            if (h < imgH && w < imgW && h > 0 && w > 0)
            {
                var y = rng.NextInt(0, imgH - h);
                var x = rng.NextInt(0, imgW - w);
                canvas.Replace(FilterKernels.FillRect(canvas.Pixels(), x, y, w, h, fill, randomFill, ref rng));
                return;
            }
        }
    }
}
