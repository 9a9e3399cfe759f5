namespace Augment.Core.Pipelines;

/// <summary>One problem in a spec: the path of the offending field and what is wrong with it.</summary>
/// <param name="Path">For example <c>nodes[2].rotate.degrees</c>.</param>
/// <param name="Message">For example <c>min &gt; max</c>.</param>
public sealed record SpecError(string Path, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
