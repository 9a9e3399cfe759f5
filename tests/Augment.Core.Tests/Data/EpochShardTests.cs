using Augment.Core.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Augment.Core.Tests.Data;

public sealed class EpochShardTests
{
    private static PlannedSample[] Plan(int n) => Enumerable.Range(0, n).Select(i => new PlannedSample(i, 0)).ToArray();

    [Fact]
    public void Batch_OneShard_CutsInOrderWithPartialLast()
    {
        var shard = new EpochShard(Plan(10), 0, 1, 4, dropLast: false);
        Assert.Equal((10, 3), (shard.SampleCount, shard.BatchCount));
        Assert.Equal([8, 9], shard.Batch(2).Select(s => s.Index));
    }

    [Fact]
    public void Batch_DropLast_OmitsPartialBatch()
    {
        var shard = new EpochShard(Plan(10), 0, 1, 4, dropLast: true);
        Assert.Equal(2, shard.BatchCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => shard.Batch(2));
    }

    [Fact]
    public void Batch_ShardOfThree_TakesStridedPositions()
    {
        var shard = new EpochShard(Plan(10), 1, 3, 2, dropLast: false);
        Assert.Equal(3, shard.SampleCount);
        Assert.Equal([1, 4], shard.Batch(0).Select(s => s.Index));
        Assert.Equal([7], shard.Batch(1).Select(s => s.Index));
    }

    [Property(MaxTest = 100)]
    public Property Batch_AllShards_PartitionTheEpochExactly()
    {
        var gen =
            from n in Gen.Choose(0, 200)
            from count in Gen.Choose(1, 9)
            from batch in Gen.Choose(1, 17)
            select (n, count, batch);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var plan = Plan(t.n);
            var seen = new List<int>();
            for (var i = 0; i < t.count; i++)
            {
                var shard = new EpochShard(plan, i, t.count, t.batch, dropLast: false);
                for (var b = 0; b < shard.BatchCount; b++)
                {
                    seen.AddRange(shard.Batch(b).Select(s => s.Index));
                }
            }
            return seen.Order().SequenceEqual(Enumerable.Range(0, t.n));
        });
    }
}
