using Augment.Core.Randomness;

namespace Augment.Core.Pipelines;

/// <summary>A compiled pipeline node: immutable after compilation, so one instance serves every thread.
/// Each run draws its parameters from its own keyed stream: (sample key, node id, salt).</summary>
internal abstract class ImageNode(NodeInfo info)
{
    /// <summary>Where the node sits in the spec.</summary>
    public NodeInfo Info { get; } = info;

    /// <summary>Runs the node on <paramref name="canvas"/>. <paramref name="salt"/> separates repeated
    /// applications of the same node (SomeOf with replacement).</summary>
    public void Run(Canvas canvas, ulong salt)
    {
        var rng = canvas.Key.For(SplitMix64.Combine(Info.Stream, salt));
        if (Info.P < 1f && !(rng.NextDouble() < Info.P))
        {
            return;
        }
        Apply(canvas, ref rng, salt);
    }

    /// <summary>Draws the parameters and applies the step.</summary>
    protected abstract void Apply(Canvas canvas, ref Rng rng, ulong salt);
}
