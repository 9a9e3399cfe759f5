using Augment.Core.Randomness;

namespace Augment.Core.Pipelines;

/// <summary>A node's path in the spec (for errors), its stream id (from its id, or its path) and probability.</summary>
internal sealed record NodeInfo(string Path, string Id, float P)
{
    /// <summary>Stable stream id of the node.</summary>
    public ulong Stream { get; } = StableHash.Of(Id.Length > 0 ? Id : Path);
}
