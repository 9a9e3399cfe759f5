namespace Augment.Service.Batches;

/// <summary>What the shared planning needs from a dataset of any kind: the plannable samples' labels (sample i of the
/// epoch planner is <c>Labels[i]</c>) and class names, and how to build the batches once the plan exists.</summary>
/// <param name="Name">Dataset name (logs, errors).</param>
/// <param name="ClassNames">Class names; a label indexes this list.</param>
/// <param name="Labels">Label of every plannable sample.</param>
/// <param name="CreateBuilder">Makes the stream's batch builder from its plan.</param>
internal sealed record StreamSource(
    string Name,
    IReadOnlyList<string> ClassNames,
    IReadOnlyList<int> Labels,
    Func<BatchStreamPlan, IBatchBuilder> CreateBuilder);
