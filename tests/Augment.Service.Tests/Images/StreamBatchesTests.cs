using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;

namespace Augment.Service.Tests.Images;

public sealed class StreamBatchesTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task StreamBatches_NoDatasetNamed_StreamsEveryBuiltInSampleOncePerEpoch()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest { BatchSize = 512, Epochs = 2, Seed = 3 });
        Assert.Equal(16, batches.Count);
        foreach (var epoch in new[] { 0L, 1L })
        {
            var ofEpoch = batches.Where(b => b.Epoch == epoch).ToList();
            Assert.Equal(Enumerable.Range(0, 8), ofEpoch.Select(b => (int)b.BatchIndex));
            Assert.Equal(Enumerable.Range(0, 4000).Select(i => (long)i), ofEpoch.SelectMany(b => b.Indices.Int64s()).Order());
            var info = ofEpoch[0].EpochInfo;
            Assert.NotNull(info);
            Assert.Equal((epoch, 4000L, 4000L, 8L), (info.Epoch, info.SampleCount, info.ShardSampleCount, info.BatchCount));
            Assert.Equal("Ankle boot", info.ClassCounts[9].Name);
            Assert.All(ofEpoch.Skip(1), b => Assert.Null(b.EpochInfo));
        }
        var first = batches[0];
        Assert.Equal(DType.Uint8, first.Image.Images.Dtype);
        Assert.Equal([512L, 28, 28, 1], first.Image.Images.Shape);
        Assert.Equal(512 * 28 * 28, first.Image.Images.Data.Length);
        Assert.Equal([416L, 28, 28, 1], batches[7].Image.Images.Shape);
        Assert.NotEqual(batches[0].Indices.Int64s(), batches[8].Indices.Int64s());
        Assert.Equal(first.Indices.Int64s(), first.Keys.Int64s());
    }

    [Fact]
    public async Task StreamBatches_LabelsAndPixels_MatchTheDatasetFilesWithIdentityPipeline()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = 7, Shuffle = false });
        var indices = batches.SelectMany(b => b.Indices.Int64s()).ToArray();
        Assert.Equal(Enumerable.Range(0, 45).Select(i => (long)i), indices);
        Assert.Equal(TestDatasets.ImbalancedLabels.Select(l => (long)l), batches.SelectMany(b => b.Labels.Int64s()));
        var pixels = batches[1].Image.Images.Data.Span;
        // Sample 7 starts at byte 16 + 7 * 64 of the IDX file; pixel value (p * 31) mod 251.
        Assert.Equal((byte)((16 + 7 * 64) * 31 % 251), pixels[0]);
        Assert.Equal((byte)((16 + 7 * 64 + 63) * 31 % 251), pixels[63]);
    }

    [Fact]
    public async Task StreamBatches_DifferentWorkerCounts_GiveIdenticalBytes()
    {
        StreamBatchesRequest Request(int workers) => new()
        {
            Dataset = "sample", BatchSize = 100, Epochs = 2, Seed = 11, Workers = workers, Pipeline = Streams.RandomPipeline(),
            Balance = new Balance { Mode = BalanceMode.Oversample },
        };
        var one = await service.Client.ReadAllAsync(Request(1));
        var three = await service.Client.ReadAllAsync(Request(3));
        Assert.Equal(one.Count, three.Count);
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i], three[i]);
        }
        Assert.Equal([100L, 24, 24, 1], one[0].Image.Images.Shape);
        var unaugmented = await service.Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "sample", BatchSize = 100, Seed = 11, TargetWidth = 24, TargetHeight = 24 });
        Assert.NotEqual(unaugmented[0].Image.Images.Data, one[0].Image.Images.Data);
    }

    [Fact]
    public async Task StreamBatches_DifferentBatchSizes_GiveEachSampleTheSameBytes()
    {
        static async Task<Dictionary<long, byte[]>> BySample(AugmentService.AugmentServiceClient client, int batchSize)
        {
            var batches = await client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced", BatchSize = batchSize, Seed = 4, Pipeline = Streams.RandomPipeline(6) });
            var result = new Dictionary<long, byte[]>();
            foreach (var b in batches)
            {
                var keys = b.Keys.Int64s();
                for (var k = 0; k < keys.Length; k++)
                {
                    result[keys[k]] = b.Image.Images.Data.Span.Slice(k * 36, 36).ToArray();
                }
            }
            return result;
        }
        var small = await BySample(service.Client, 4);
        var large = await BySample(service.Client, 45);
        Assert.Equal(45, small.Count);
        Assert.All(small, kv => Assert.Equal(kv.Value, large[kv.Key]));
    }

    [Fact]
    public async Task StreamBatches_ThreeShards_PartitionEveryEpochExactly()
    {
        var all = new List<Batch>();
        for (var shard = 0; shard < 3; shard++)
        {
            var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
            {
                Dataset = "imbalanced", BatchSize = 4, Epochs = 2, Seed = 5, Shard = new Shard { Index = shard, Count = 3 },
                Balance = new Balance { Mode = BalanceMode.Oversample }, Pipeline = Streams.RandomPipeline(6),
            });
            Assert.Equal(30, batches[0].EpochInfo.ShardSampleCount);
            all.AddRange(batches);
        }
        foreach (var epoch in new[] { 0L, 1L })
        {
            var keys = all.Where(b => b.Epoch == epoch).SelectMany(b => b.Keys.Int64s()).ToArray();
            Assert.Equal(90, keys.Length);
            Assert.Equal(90, keys.Distinct().Count());
            var labels = all.Where(b => b.Epoch == epoch).SelectMany(b => b.Labels.Int64s());
            Assert.Equal([30, 30, 30], labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
        }
        var unsharded = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 90, Epochs = 2, Seed = 5, Balance = new Balance { Mode = BalanceMode.Oversample },
        });
        Assert.Equal(unsharded[0].Keys.Int64s().Order(), all.Where(b => b.Epoch == 0).SelectMany(b => b.Keys.Int64s()).Order());
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 0)]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    public async Task StreamBatches_ResumeAtEpochBatch_EqualsTailOfUninterruptedRun(long epoch, long batch)
    {
        StreamBatchesRequest Request() => new()
        {
            Dataset = "imbalanced", BatchSize = 8, Epochs = 3, Seed = 42, Shard = new Shard { Index = 1, Count = 2 },
            Balance = new Balance { Mode = BalanceMode.ClassWeights, ClassWeights = { [2] = 3.5 } }, Pipeline = Streams.RandomPipeline(6),
        };
        var full = await service.Client.ReadAllAsync(Request());
        var resumed = Request();
        resumed.Start = new StreamPosition { Epoch = epoch, Batch = batch };
        var tail = await service.Client.ReadAllAsync(resumed);
        var expected = full.SkipWhile(b => b.Epoch < epoch || (b.Epoch == epoch && b.BatchIndex < batch)).ToList();
        Assert.Equal(expected.Count, tail.Count);
        Assert.NotNull(tail[0].EpochInfo);
        for (var i = 0; i < tail.Count; i++)
        {
            expected[i].EpochInfo = null;
            tail[i].EpochInfo = null;
            Assert.Equal(expected[i], tail[i]);
        }
    }

    [Fact]
    public async Task StreamBatches_ResumeAtEndOfEpoch_ContinuesWithNextEpoch()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 10, Epochs = 2, Start = new StreamPosition { Epoch = 0, Batch = 5 },
        });
        Assert.Equal(5, batches.Count);
        Assert.All(batches, b => Assert.Equal(1, b.Epoch));
    }

    [Fact]
    public async Task StreamBatches_Oversample_ReportsAndDeliversLargestClassCountWithDistinctAugmentations()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 90, Seed = 1, Balance = new Balance { Mode = BalanceMode.Oversample }, Pipeline = Streams.RandomPipeline(6),
        });
        var batch = Assert.Single(batches);
        Assert.Equal([30L, 30, 30], batch.EpochInfo.ClassCounts.Select(c => c.Count));
        Assert.Equal(90, batch.EpochInfo.SampleCount);
        var labels = batch.Labels.Int64s();
        Assert.Equal([30, 30, 30], labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
        var indices = batch.Indices.Int64s();
        var keys = batch.Keys.Int64s();
        var repeated = Enumerable.Range(0, 90).Where(k => keys[k] != indices[k]).ToArray();
        Assert.NotEmpty(repeated);
        var per = 36;
        var data = batch.Image.Images.Data.ToByteArray();
        foreach (var k in repeated)
        {
            var original = Array.IndexOf(keys, indices[k]);
            Assert.False(data.AsSpan(k * per, per).SequenceEqual(data.AsSpan(original * per, per)), $"repeat {k} equals its original");
        }
    }

    [Fact]
    public async Task StreamBatches_ClassWeights_ReportsEffectiveCounts()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 100, Seed = 1,
            Balance = new Balance { Mode = BalanceMode.ClassWeights, ClassWeights = { [0] = 0.5, [2] = 2 } },
        });
        var info = batches[0].EpochInfo;
        Assert.Equal([15L, 10, 10], info.ClassCounts.Select(c => c.Count));
        Assert.Equal([15, 10, 10], batches[0].Labels.Int64s().GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
    }

    [Fact]
    public async Task StreamBatches_Float32Output_IsNormalisedChw()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "imbalanced", BatchSize = 5, Shuffle = false,
            Output = new ImageOutput { Layout = ImageLayout.Float32Chw, Mean = { 0.5f }, Std = { 0.25f } },
        });
        var images = batches[0].Image.Images;
        Assert.Equal(DType.Float32, images.Dtype);
        Assert.Equal([5L, 1, 8, 8], images.Shape);
        var floats = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(images.Data.Span);
        var raw = (byte)(16 * 31 % 251);
        Assert.Equal((raw / 255f - 0.5f) / 0.25f, floats[0], 5);
    }

    [Fact]
    public async Task StreamBatches_FolderWithTargetSize_ResizesAndCarriesBoxes()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "folder", BatchSize = 7, Shuffle = false, TargetWidth = 40, TargetHeight = 32,
        });
        var batch = Assert.Single(batches);
        Assert.Equal([7L, 32, 40, 3], batch.Image.Images.Shape);
        Assert.Equal(7, batch.Image.Boxes.Count);
        var boxes = batch.Image.Boxes[0];
        Assert.Equal([2L, 4], boxes.Boxes.Shape);
        Assert.Equal([0L, 1], boxes.Labels.Int64s());
        var coords = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(boxes.Boxes.Data.Span);
        Assert.Equal(2 * 40f / 20f, coords[0], 3);
        Assert.Equal(2 * 32f / 16f, coords[1], 3);
        Assert.Empty(batch.Image.Boxes[1].Labels.Int64s());
    }

    [Fact]
    public async Task StreamBatches_LocationUnderRoot_StreamsThatDataset()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Location = new DatasetLocation { Root = "test", Path = "imbalanced-images-idx3-ubyte.gz" }, BatchSize = 45,
        });
        Assert.Equal(45, batches[0].Indices.Int64s().Length);
    }

    [Fact]
    public async Task StreamBatches_DecodeFailureWithSkipPolicy_SkipsAndCounts()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "broken", BatchSize = 4, Shuffle = false, OnDecodeError = DecodeErrorPolicy.Skip,
        });
        var batch = Assert.Single(batches);
        Assert.Equal([0L, 1, 2], batch.Indices.Int64s());
        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal(3, skipped.Index);
        Assert.Contains("3.png", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal([3L, 8, 8, 3], batch.Image.Images.Shape);
    }

    [Fact]
    public async Task StreamBatches_BatchOverFourMegabytes_PassesTheRaisedMessageLimit()
    {
        var batches = await service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            BatchSize = 2000, Output = new ImageOutput { Layout = ImageLayout.Float32Chw },
        });
        Assert.Equal(2000L * 28 * 28 * 4, batches[0].Image.Images.Data.Length);
    }
}
