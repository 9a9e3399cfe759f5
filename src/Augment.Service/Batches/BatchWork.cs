using Augment.Contracts.V1;
using Augment.Core.Data;

namespace Augment.Service.Batches;

/// <summary>One batch to build: its position, its samples, and the epoch report when it opens an epoch in this stream.</summary>
internal sealed record BatchWork(long Epoch, int BatchIndex, PlannedSample[] Samples, EpochInfo? Info);
