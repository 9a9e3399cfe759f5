using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision RandomResizedCrop: area fraction from scale, log-uniform aspect ratio, ten tries, then
/// a centre crop with the ratio clamped.</summary>
internal sealed class RandomResizedCropNode(NodeInfo info, int width, int height, (double Min, double Max) scale, (double Min, double Max) ratio) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var (x, y, w, h) = Sample(canvas.Width, canvas.Height, ref rng);
        ImageActions.ResizedCrop(canvas, x, y, w, h, width, height);
    }

    internal (int X, int Y, int W, int H) Sample(int imgW, int imgH, ref Rng rng)
    {
        double area = (double)imgW * imgH;
        double logMin = Math.Log(ratio.Min), logMax = Math.Log(ratio.Max);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * rng.Uniform(scale.Min, scale.Max);
            var aspect = Math.Exp(rng.Uniform(logMin, logMax));
            var w = (int)Math.Round(Math.Sqrt(target * aspect));
            var h = (int)Math.Round(Math.Sqrt(target / aspect));
            if (w > 0 && h > 0 && w <= imgW && h <= imgH)
            {
                return (rng.NextInt(0, imgW - w), rng.NextInt(0, imgH - h), w, h);
            }
        }
        var inRatio = (double)imgW / imgH;
        int cw, ch;
        if (inRatio < ratio.Min)
        {
            cw = imgW;
            ch = (int)Math.Round(cw / ratio.Min);
        }
        else if (inRatio > ratio.Max)
        {
            ch = imgH;
            cw = (int)Math.Round(ch * ratio.Max);
        }
        else
        {
            cw = imgW;
            ch = imgH;
        }
        cw = Math.Clamp(cw, 1, imgW);
        ch = Math.Clamp(ch, 1, imgH);
        return ((imgW - cw) / 2, (imgH - ch) / 2, cw, ch);
    }
}
