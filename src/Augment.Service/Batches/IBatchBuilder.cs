using Augment.Contracts.V1;

namespace Augment.Service.Batches;

/// <summary>Builds the batch messages of one stream, one kind of dataset per implementation (images, text, tables).
/// Pure with respect to its inputs, so any worker may build any batch.</summary>
internal interface IBatchBuilder
{
    /// <summary>Builds <paramref name="work"/>.</summary>
    Batch Build(BatchWork work, CancellationToken cancellationToken);
}
