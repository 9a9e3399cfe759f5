namespace Augment.Core.Data;

/// <summary>One shard's view of a planned epoch, cut into batches. Shard i of n takes positions
/// i, i + n, i + 2n, ... of the epoch, so the n shards partition it exactly.</summary>
internal sealed class EpochShard
{
    private readonly PlannedSample[] _plan;
    private readonly int _shardIndex;
    private readonly int _shardCount;
    private readonly int _batchSize;

    /// <summary>Creates the view.</summary>
    public EpochShard(PlannedSample[] plan, int shardIndex, int shardCount, int batchSize, bool dropLast)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(shardIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shardIndex, shardCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _plan = plan;
        _shardIndex = shardIndex;
        _shardCount = shardCount;
        _batchSize = batchSize;
        SampleCount = plan.Length > shardIndex ? (plan.Length - shardIndex + shardCount - 1) / shardCount : 0;
        BatchCount = dropLast ? SampleCount / batchSize : (SampleCount + batchSize - 1) / batchSize;
    }

    /// <summary>Samples of this shard in the epoch.</summary>
    public int SampleCount { get; }

    /// <summary>Batches of this shard in the epoch.</summary>
    public int BatchCount { get; }

    /// <summary>The samples of batch <paramref name="batch"/>.</summary>
    public PlannedSample[] Batch(int batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(batch, BatchCount);
        var first = batch * _batchSize;
        var size = Math.Min(_batchSize, SampleCount - first);
        var result = new PlannedSample[size];
        for (var k = 0; k < size; k++)
        {
            result[k] = _plan[_shardIndex + (long)_shardCount * (first + k)];
        }
        return result;
    }
}
