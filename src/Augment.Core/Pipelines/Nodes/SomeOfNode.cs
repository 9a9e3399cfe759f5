using Augment.Core.Randomness;

namespace Augment.Core.Pipelines.Nodes;

/// <summary>Runs n children drawn at random, in listed order; with replacement a child may run more than once,
/// each time with its own draws.</summary>
internal sealed class SomeOfNode(NodeInfo info, ImageNode[] children, int n, bool replace) : ImageNode(info)
{
    protected override void Apply(Canvas canvas, ref Rng rng, ulong salt)
    {
        var counts = new int[children.Length];
        if (replace)
        {
            for (var k = 0; k < n; k++)
            {
                counts[rng.NextInt(children.Length)]++;
            }
        }
        else
        {
            Span<int> order = stackalloc int[children.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }
            rng.Shuffle(order);
            foreach (var i in order[..Math.Min(n, order.Length)])
            {
                counts[i] = 1;
            }
        }
        for (var i = 0; i < children.Length; i++)
        {
            for (var r = 0; r < counts[i]; r++)
            {
                children[i].Run(canvas, r == 0 ? salt : SplitMix64.Combine(salt, (ulong)r));
            }
        }
    }
}
