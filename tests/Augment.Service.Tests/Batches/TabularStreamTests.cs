using Augment.Contracts.V1;
using Augment.Service.Batches;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;

namespace Augment.Service.Tests.Batches;

public sealed class TabularStreamTests(StreamDatasetsFixture fixture) : IClassFixture<StreamDatasetsFixture>
{
    private AugmentService.AugmentServiceClient Client => fixture.Service.Client;

    private static StreamBatchesRequest Smote(int batchSize = 8, long epochs = 2, Shard? shard = null, StreamPosition? start = null, int workers = 0) => new()
    {
        Dataset = "imbalanced-table", BatchSize = batchSize, Epochs = epochs, Seed = 17, Shard = shard, Start = start, Workers = workers,
        TabularSampler = new TabularSampler { Method = TabularMethod.Smote, KNeighbors = 3 },
    };

    private static (long Index, long Label, byte Synthetic, float[] X)[] Rows(IEnumerable<Batch> batches) =>
        batches.SelectMany(b =>
        {
            var x = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(b.Tabular.Features.Data.Span).ToArray();
            var d = (int)b.Tabular.Features.Shape[1];
            var idx = b.Indices.Int64s();
            var labels = b.Labels.Int64s();
            var syn = b.Tabular.Synthetic.Data.ToByteArray();
            return idx.Select((i, k) => (i, labels[k], syn[k], x[(k * d)..((k + 1) * d)]));
        }).ToArray();

    [Fact]
    public async Task StreamBatches_Smote_BalancesClassesWithSyntheticRowsInTheEpoch()
    {
        var batches = await Client.ReadAllAsync(Smote());
        var info = batches[0].EpochInfo;
        Assert.Equal(90, info.SampleCount);
        Assert.Equal([30L, 30, 30], info.ClassCounts.Select(c => c.Count));
        Assert.Equal(["f1", "f2", "f3"], batches[0].Tabular.Columns);
        foreach (var epoch in batches.GroupBy(b => b.Epoch))
        {
            var rows = Rows(epoch);
            Assert.Equal(90, rows.Length);
            Assert.Equal([30, 30, 30], rows.GroupBy(r => r.Label).OrderBy(g => g.Key).Select(g => g.Count()));
            Assert.Equal(44, rows.Count(r => r.Synthetic == 1));
            Assert.All(rows, r => Assert.Equal(r.Synthetic == 1, r.Index < 0));
            Assert.Equal(Enumerable.Range(0, 46).Select(i => (long)i), rows.Where(r => r.Index >= 0).Select(r => r.Index).Order());
            Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)-i), rows.Where(r => r.Label == 1 && r.Synthetic == 1).Select(r => r.Index).OrderDescending());
            foreach (var original in rows.Where(r => r.Index >= 0))
            {
                var source = StreamDatasetsFixture.TableRows[original.Index];
                Assert.Equal(source.Label, original.Label);
                Assert.Equal(source.X.Select(v => (float)v), original.X);
            }
        }
        // Synthetic rows are keyed by (seed, class, j): the same in every epoch, only their positions change.
        var byEpoch = batches.GroupBy(b => b.Epoch).Select(g => Rows(g).Where(r => r.Synthetic == 1)
            .OrderBy(r => (r.Label, r.Index)).Select(r => (r.Label, r.Index, string.Join(',', r.X))).ToArray()).ToArray();
        Assert.Equal(byEpoch[0], byEpoch[1]);
        Assert.NotEqual(batches[0].Indices.Int64s(), batches[12].Indices.Int64s());
    }

    [Fact]
    public async Task StreamBatches_SmoteSyntheticRows_LieOnSegmentsToOneOfTheKNearestSameClassRows()
    {
        var rows = Rows(await Client.ReadAllAsync(Smote(epochs: 1)));
        foreach (var s in rows.Where(r => r.Synthetic == 1))
        {
            var members = StreamDatasetsFixture.TableRows.Where(t => t.Label == s.Label).Select(t => t.X).ToArray();
            // k = 3 nearest same-class rows by brute force (ties at the k-th distance all count).
            var onSegment = members.Any(a =>
            {
                var distances = members.Where(b => b != a).Select(b => (B: b, D: a.Zip(b, (u, v) => (u - v) * (u - v)).Sum())).OrderBy(p => p.D).ToArray();
                var kth = distances[2].D;
                return distances.Where(p => p.D <= kth + 1e-12).Any(p => OnSegment(s.X, a, p.B));
            });
            Assert.True(onSegment, $"synthetic row ({string.Join(", ", s.X)}) of class {s.Label} is on no segment from a row of its class to one of its 3 nearest same-class rows");
        }
    }

    [Fact]
    public async Task StreamBatches_SmoteSyntheticRows_EqualTheResampleRpcWithTheSameSeed()
    {
        var rows = Rows(await Client.ReadAllAsync(Smote(epochs: 1)));
        var table = StreamDatasetsFixture.TableRows;
        var features = table.SelectMany(r => r.X).ToArray();
        var request = new ResampleRequest
        {
            Features = new Tensor { Dtype = DType.Float64, Shape = { table.Length, 3 }, Data = Google.Protobuf.ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(features.AsSpan())) },
            Labels = new Tensor { Dtype = DType.Int64, Shape = { table.Length }, Data = Google.Protobuf.ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(table.Select(r => (long)r.Label).ToArray().AsSpan())) },
            Sampler = new TabularSampler { Method = TabularMethod.Smote, KNeighbors = 3, Seed = 17 },
        };
        var response = await new TabularService.TabularServiceClient(fixture.Service.Channel).ResampleAsync(request);
        var x = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(response.Features.Data.Span).ToArray();
        var labels = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(response.Labels.Data.Span).ToArray();
        // Resample's output: the original rows, then class 1's synthetic rows j = 0.., then class 2's.
        var expected = new List<(long, long, string)>();
        var j = 0L;
        for (var r = table.Length; r < labels.Length; r++)
        {
            j = r > table.Length && labels[r] != labels[r - 1] ? 0 : j;
            expected.Add((labels[r], -(1 + j), string.Join(',', x[(r * 3)..(r * 3 + 3)].Select(v => (float)v))));
            j++;
        }
        var actual = rows.Where(r => r.Synthetic == 1).OrderBy(r => r.Label).ThenByDescending(r => r.Index)
            .Select(r => (r.Label, r.Index, string.Join(',', r.X))).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task StreamBatches_SmoteThreeShards_PartitionEveryEpochExactly()
    {
        var all = Rows(await Client.ReadAllAsync(Smote(batchSize: 5)));
        var shards = new List<(long, long, byte, float[])>();
        for (var s = 0; s < 3; s++)
        {
            var batches = await Client.ReadAllAsync(Smote(batchSize: 5, shard: new Shard { Index = s, Count = 3 }));
            Assert.All(batches.Where(b => b.EpochInfo is not null), b => Assert.Equal(30, b.EpochInfo.ShardSampleCount));
            shards.AddRange(Rows(batches));
        }
        static string Key((long Index, long Label, byte Synthetic, float[] X) r) => $"{r.Label}/{r.Index}/{string.Join(',', r.X)}";
        Assert.Equal(all.Select(Key).Order(), shards.Select(Key).Order());
    }

    [Fact]
    public async Task StreamBatches_SmoteResumed_EqualsTheRestOfAnUninterruptedStream()
    {
        var full = await Client.ReadAllAsync(Smote(batchSize: 7, workers: 1));
        var resumed = await Client.ReadAllAsync(Smote(batchSize: 7, workers: 3, start: new StreamPosition { Epoch = 1, Batch = 4 }));
        var tail = full.SkipWhile(b => b.Epoch < 1 || b.BatchIndex < 4).ToList();
        Assert.Equal(tail.Count, resumed.Count);
        for (var i = 0; i < tail.Count; i++)
        {
            Assert.Equal(tail[i].Indices, resumed[i].Indices);
            Assert.Equal(tail[i].Labels, resumed[i].Labels);
            Assert.Equal(tail[i].Tabular, resumed[i].Tabular);
        }
    }

    [Fact]
    public async Task StreamBatches_SameSamplerAndSeed_PlansOnceForEveryShardAndGivesTheSameRows()
    {
        var dataset = (TabularStreamDataset)fixture.Service.Get<StreamDatasetCatalog>().Find("imbalanced-table")!;
        StreamBatchesRequest Request(Shard? shard = null)
        {
            var request = Smote(epochs: 1, shard: shard);
            request.Seed = 90210;
            return request;
        }
        var before = dataset.Plans.Computed;
        var whole = Rows(await Client.ReadAllAsync(Request()));
        var shards = new List<(long Index, long Label, byte Synthetic, float[] X)>();
        for (var i = 0; i < 3; i++)
        {
            shards.AddRange(Rows(await Client.ReadAllAsync(Request(new Shard { Index = i, Count = 3 }))));
        }
        Assert.Equal(1, dataset.Plans.Computed - before);
        string Key((long Index, long Label, byte Synthetic, float[] X) r) => $"{r.Label}/{r.Index}/{string.Join(',', r.X)}";
        Assert.Equal(whole.Select(Key).Order(StringComparer.Ordinal), shards.Select(Key).Order(StringComparer.Ordinal));

        var other = Request();
        other.Seed = 90211;
        var otherRows = Rows(await Client.ReadAllAsync(other));
        Assert.Equal(2, dataset.Plans.Computed - before);
        Assert.NotEqual(whole.Where(r => r.Synthetic == 1).Select(Key).Order(StringComparer.Ordinal),
            otherRows.Where(r => r.Synthetic == 1).Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StreamBatches_TabularWithoutSampler_OriginalRowsOnce()
    {
        var rows = Rows(await Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "imbalanced-table", BatchSize = 10, Seed = 3 }));
        Assert.Equal(Enumerable.Range(0, 46).Select(i => (long)i), rows.Select(r => r.Index).Order());
        Assert.All(rows, r => Assert.Equal(0, r.Synthetic));
    }

    [Fact]
    public async Task StreamBatches_TabularCleaningSampler_InvalidArgument()
    {
        var request = Smote();
        request.TabularSampler.Method = TabularMethod.SmoteEnn;
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ReadAllAsync(request));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("tabular_sampler.method:", ex.Status.Detail, StringComparison.Ordinal);
    }

    private static bool OnSegment(float[] s, double[] a, double[] b)
    {
        // s = a + u (b - a) with one u in [0, 1] for every coordinate (float32 tolerance).
        double? u = null;
        for (var f = 0; f < s.Length; f++)
        {
            var d = b[f] - a[f];
            if (Math.Abs(d) < 1e-9)
            {
                if (Math.Abs(s[f] - a[f]) > 1e-4)
                {
                    return false;
                }
                continue;
            }
            var uf = (s[f] - a[f]) / d;
            if (uf < -1e-4 || uf > 1 + 1e-4 || (u is { } known && Math.Abs(known - uf) > 1e-3))
            {
                return false;
            }
            u ??= uf;
        }
        return true;
    }
}
