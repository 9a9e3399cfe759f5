using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Grpc.Core;
using Microsoft.ML.Tokenizers;

namespace Augment.Service.Tests.Batches;

public sealed class TextStreamTests(StreamDatasetsFixture fixture) : IClassFixture<StreamDatasetsFixture>
{
    private static readonly string[] ClassNames = ["mid", "neg", "pos"];

    private AugmentService.AugmentServiceClient Client => fixture.Service.Client;

    private static EdaSpec Eda => new() { NumAug = 2 };

    [Fact]
    public async Task StreamBatches_TextDifferentWorkerCounts_GiveIdenticalBatches()
    {
        StreamBatchesRequest Request(int workers) => new()
        {
            Dataset = "reviews-bert", BatchSize = 3, Epochs = 2, Seed = 5, Workers = workers, Eda = Eda,
            Balance = new Balance { Mode = BalanceMode.Oversample },
        };
        var one = await Client.ReadAllAsync(Request(1));
        var three = await Client.ReadAllAsync(Request(3));
        Assert.Equal(one.Count, three.Count);
        Assert.True(one.Count > 4);
        for (var i = 0; i < one.Count; i++)
        {
            Assert.Equal(one[i], three[i]);
        }
        Assert.NotEqual(one[0].Text.Texts, one[one.Count / 2 + 1].Text.Texts);
    }

    [Fact]
    public async Task StreamBatches_TextEpochZero_SameVariantsAsAugmentTextAndLabelsCarried()
    {
        var batches = await Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "reviews", BatchSize = 4, Seed = 21, Shuffle = false, Eda = Eda });
        var rpc = await new TextService.TextServiceClient(fixture.Service.Channel).AugmentTextAsync(new AugmentTextRequest
        {
            Seed = 21, Eda = Eda, Texts = { StreamDatasetsFixture.Records.Select(r => r.Text) }, Labels = { StreamDatasetsFixture.Records.Select(r => r.Label) },
        });
        Assert.Equal(rpc.Texts, batches.SelectMany(b => b.Text.Texts));
        var labels = batches.SelectMany(b => b.Labels.Int64s()).Select(l => ClassNames[l]);
        Assert.Equal(rpc.Labels, labels);
        Assert.Equal(rpc.SourceIndex.Select(i => (long)i), batches.SelectMany(b => b.Indices.Int64s()));
        var variants = batches.SelectMany(b => Int32s(b.Text.Variants)).ToArray();
        Assert.Equal(rpc.IsOriginal, variants.Select(v => v == -1));
        Assert.Equal(ClassNames, batches[0].Text.ClassNames);
        Assert.Equal(ClassNames, batches[0].EpochInfo.ClassCounts.Select(c => c.Name));
        Assert.Equal([3L, 3, 5], batches[0].EpochInfo.ClassCounts.Select(c => c.Count));
        Assert.Null(batches[0].Text.TokenIds);
    }

    [Fact]
    public async Task StreamBatches_TextNoEda_OneOriginalRowPerRecord()
    {
        var batches = await Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "reviews", BatchSize = 5, Seed = 1, Epochs = 2 });
        Assert.Equal(6, batches.Count);
        foreach (var epoch in batches.GroupBy(b => b.Epoch))
        {
            var indices = epoch.SelectMany(b => b.Indices.Int64s()).ToArray();
            Assert.Equal(Enumerable.Range(0, 11).Select(i => (long)i), indices.Order());
            var texts = epoch.SelectMany(b => b.Text.Texts).ToArray();
            Assert.Equal(indices.Select(i => StreamDatasetsFixture.Records[i].Text), texts);
        }
    }

    [Fact]
    public async Task StreamBatches_TextWithVocab_TokenIdsPaddedWithMaskAndLengths()
    {
        var tokenizer = BertTokenizer.Create(fixture.VocabPath, new BertOptions { LowerCaseBeforeTokenization = true });
        var batches = await Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "reviews-bert", BatchSize = 4, Seed = 2, Eda = Eda, MaxTokens = 6 });
        foreach (var batch in batches)
        {
            var rows = batch.Text.Texts.Count;
            var ids = batch.Text.TokenIds;
            Assert.Equal(DType.Int64, ids.Dtype);
            Assert.Equal(2, ids.Shape.Count);
            Assert.Equal(rows, ids.Shape[0]);
            var width = (int)ids.Shape[1];
            Assert.InRange(width, 2, 6);
            var values = ids.Int64s();
            var mask = batch.Text.AttentionMask.Data.ToByteArray();
            var lengths = batch.Text.Lengths.Int64s();
            Assert.Equal([(long)rows, width], batch.Text.AttentionMask.Shape);
            Assert.Equal(width, lengths.Max());
            for (var r = 0; r < rows; r++)
            {
                var expected = tokenizer.EncodeToIds(batch.Text.Texts[r], 6, out _, out _);
                Assert.Equal(expected.Count, lengths[r]);
                Assert.Equal(tokenizer.ClassificationTokenId, values[r * width]);
                for (var t = 0; t < width; t++)
                {
                    Assert.Equal(t < expected.Count ? expected[t] : tokenizer.PaddingTokenId, values[r * width + t]);
                    Assert.Equal(t < expected.Count ? 1 : 0, mask[r * width + t]);
                }
            }
        }
        Assert.Contains(batches, b => b.Text.Lengths.Int64s().Distinct().Count() > 1);
    }

    [Fact]
    public async Task StreamBatches_TextInvalidFields_InvalidArgumentNamingThem()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "reviews", BatchSize = 2, Pipeline = new Pipeline(),
        }));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.StartsWith("pipeline: not used by a text dataset", ex.Status.Detail, StringComparison.Ordinal);
        var tokens = await Assert.ThrowsAsync<RpcException>(() => Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "reviews", BatchSize = 2, MaxTokens = 8 }));
        Assert.StartsWith("max_tokens: dataset \"reviews\" has no BERT vocabulary", tokens.Status.Detail, StringComparison.Ordinal);
        var rows = await Assert.ThrowsAsync<RpcException>(() => Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "reviews", BatchSize = 4096, Eda = new EdaSpec { NumAug = 100 },
        }));
        Assert.StartsWith("eda.num_aug: 4096 records x 101 outputs", rows.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeDataset_TextDataset_KindAndClassCounts()
    {
        var info = await Client.DescribeDatasetAsync(new DescribeDatasetRequest { Name = "reviews" });
        Assert.Equal(DatasetKind.Text, info.Kind);
        Assert.Equal(11, info.SampleCount);
        Assert.Equal([3L, 3, 5], info.Classes.Select(c => c.Count));
        var list = await Client.ListDatasetsAsync(new ListDatasetsRequest());
        Assert.Contains(list.Datasets, d => d.Name == "imbalanced-table" && d.Kind == DatasetKind.Tabular);
    }

    [Fact]
    public async Task StreamBatches_TextJsonLines_SameBatchesAsTheTsvFile()
    {
        StreamBatchesRequest Request(string dataset) => new() { Dataset = dataset, BatchSize = 4, Seed = 8, Epochs = 2, Eda = Eda };
        var tsv = await Client.ReadAllAsync(Request("reviews"));
        var jsonl = await Client.ReadAllAsync(Request("reviews-jsonl"));
        Assert.Equal(tsv, jsonl);
    }

    [Fact]
    public async Task StreamBatches_TextFileWithBadLine_FailedPreconditionNamingFileAndLine()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ReadAllAsync(new StreamBatchesRequest { Dataset = "broken-text", BatchSize = 2 }));
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("broken.tsv:2: no tab", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatches_TextTwoShardsAndResume_PartitionAndContinueTheFullStream()
    {
        StreamBatchesRequest Request(Shard? shard = null, StreamPosition? start = null) => new()
        {
            Dataset = "reviews", BatchSize = 2, Seed = 4, Epochs = 2, Eda = Eda, Shard = shard, Start = start,
        };
        static IEnumerable<string> Rows(IEnumerable<Batch> batches) => batches.SelectMany(b =>
            b.Indices.Int64s().Select((i, k) => $"{b.Epoch}/{i}/{b.Text.Texts[k]}"));
        var full = await Client.ReadAllAsync(Request());
        var shard0 = await Client.ReadAllAsync(Request(new Shard { Index = 0, Count = 2 }));
        var shard1 = await Client.ReadAllAsync(Request(new Shard { Index = 1, Count = 2 }));
        Assert.Equal(Rows(full).Order(), Rows(shard0).Concat(Rows(shard1)).Order());
        var resumed = await Client.ReadAllAsync(Request(start: new StreamPosition { Epoch = 1, Batch = 3 }));
        Assert.Equal(full.SkipWhile(b => b.Epoch < 1 || b.BatchIndex < 3).Select(b => b.Text), resumed.Select(b => b.Text));
    }

    private static int[] Int32s(Tensor tensor)
    {
        Assert.Equal(DType.Int32, tensor.Dtype);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(tensor.Data.Span).ToArray();
    }
}
