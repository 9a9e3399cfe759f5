using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>torchvision ColorJitter: brightness, contrast, saturation and hue factors drawn from their ranges and
/// applied in a random order, composed into one colour matrix (one pass).</summary>
internal sealed class ColorJitterNode(NodeInfo info, (double Min, double Max)? brightness, (double Min, double Max)? contrast,
    (double Min, double Max)? saturation, (double Min, double Max)? hue) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        Span<int> order = [0, 1, 2, 3];
        rng.Shuffle(order);
        var b = brightness is { } br ? (float)rng.Uniform(br.Min, br.Max) : 1f;
        var c = contrast is { } co ? (float)rng.Uniform(co.Min, co.Max) : 1f;
        var s = saturation is { } sa ? (float)rng.Uniform(sa.Min, sa.Max) : 1f;
        var h = hue is { } hu ? (float)rng.Uniform(hu.Min, hu.Max) : 0f;
        foreach (var op in order)
        {
            switch (op)
            {
                case 0 when brightness is not null:
                    ImageActions.Brightness(canvas, b);
                    break;
                case 1 when contrast is not null:
                    ImageActions.Contrast(canvas, c);
                    break;
                case 2 when saturation is not null:
                    ImageActions.Saturation(canvas, s);
                    break;
                case 3 when hue is not null:
                    ImageActions.Hue(canvas, h);
                    break;
            }
        }
    }
}
