using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Posterize, Solarize, Equalize, AutoContrast: table lookups on the current pixels.</summary>
internal sealed class LutNode(NodeInfo info, Action<Canvas> action) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt) => action(canvas);
}
