using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>A text or tabular dataset loaded into memory for StreamBatches.</summary>
internal interface IStreamDataset
{
    /// <summary>The configured name.</summary>
    string Name { get; }

    /// <summary>Text or tabular.</summary>
    DatasetKind Kind { get; }

    /// <summary>Class names; a label indexes this list.</summary>
    IReadOnlyList<string> ClassNames { get; }

    /// <summary>Label of every sample.</summary>
    IReadOnlyList<int> Labels { get; }

    /// <summary>What ListDatasets and DescribeDataset report.</summary>
    DatasetInfo Describe();
}
