using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Grpc.Core;

namespace Augment.Service.Tests.Text;

public sealed class CbertTextServiceTests(CbertServiceFixture fixture) : IClassFixture<CbertServiceFixture>
{
    private TextService.TextServiceClient Client => new(fixture.Service.Channel);

    private static AugmentTextRequest Request(ulong seed, int numAug = 2, long firstIndex = 0, IEnumerable<LabeledText>? records = null, bool keepOriginal = true)
    {
        var request = new AugmentTextRequest { Seed = seed, FirstIndex = firstIndex, Cbert = new CbertSpec { Model = "tiny", NumAug = numAug, KeepOriginal = keepOriginal } };
        foreach (var r in records ?? CbertServiceFixture.Records)
        {
            request.Texts.Add(r.Text);
            request.Labels.Add(r.Label);
        }

        return request;
    }

    [Fact]
    public async Task AugmentText_Cbert_NumAugVariantsThenOriginalWithLabels()
    {
        var records = CbertServiceFixture.Records;
        var response = await Client.AugmentTextAsync(Request(4, numAug: 3));
        Assert.Equal(records.Length * 4, response.Texts.Count);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(Enumerable.Repeat(i, 4), response.SourceIndex.Skip(4 * i).Take(4));
            Assert.Equal(Enumerable.Repeat(records[i].Label, 4), response.Labels.Skip(4 * i).Take(4));
            Assert.Equal([false, false, false, true], response.IsOriginal.Skip(4 * i).Take(4));
            Assert.Equal(records[i].Text, response.Texts[4 * i + 3]);
        }

        var variants = response.Texts.Where((_, j) => !response.IsOriginal[j]).ToList();
        Assert.Contains(variants, v => !records.Any(r => r.Text == v));
    }

    [Fact]
    public async Task AugmentText_CbertSameSeed_SameTextsAsLibraryAndCli()
    {
        var first = await Client.AugmentTextAsync(Request(7));
        var again = await Client.AugmentTextAsync(Request(7));
        var other = await Client.AugmentTextAsync(Request(8));
        Assert.Equal(first.Texts, again.Texts);
        Assert.NotEqual(first.Texts, other.Texts);

        // `augment cbert augment --seed 7 --num-aug 2` runs exactly this.
        using var model = ConditionalBert.Load(fixture.ModelPath);
        var library = model.Augment(CbertServiceFixture.Records, new CbertAugmentOptions { NumAug = 2, Seed = 7 });
        Assert.Equal(library.Select(a => a.Text), first.Texts.Where((_, j) => !first.IsOriginal[j]));
    }

    [Fact]
    public async Task AugmentText_CbertSplitWithFirstIndex_SameAsOneRequest()
    {
        var whole = await Client.AugmentTextAsync(Request(5, keepOriginal: false));
        var tail = Request(5, firstIndex: 4, records: CbertServiceFixture.Records.Skip(4));
        tail.Cbert.KeepOriginal = false;
        var part = await Client.AugmentTextAsync(tail);
        Assert.Equal(whole.Texts.Skip(8), part.Texts);
    }

    [Fact]
    public async Task AugmentText_CbertConcurrentRequests_SameAsSequential()
    {
        var seeds = Enumerable.Range(10, 6).Select(s => (ulong)s).ToArray();
        var sequential = new List<AugmentTextResponse>();
        foreach (var seed in seeds)
        {
            sequential.Add(await Client.AugmentTextAsync(Request(seed)));
        }

        var concurrent = await Task.WhenAll(seeds.Select(s => Client.AugmentTextAsync(Request(s)).ResponseAsync));
        for (var i = 0; i < seeds.Length; i++)
        {
            Assert.Equal(sequential[i].Texts, concurrent[i].Texts);
        }
    }

    [Fact]
    public async Task AugmentText_CbertUnknownModel_NotFoundNamingField()
    {
        var request = Request(1);
        request.Cbert.Model = "missing";
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Client.AugmentTextAsync(request));
        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains("cbert.model", e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("tiny", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AugmentText_CbertBadInput_InvalidArgumentNamingField()
    {
        var noLabels = Request(1);
        noLabels.Labels.Clear();
        var e = await Assert.ThrowsAsync<RpcException>(async () => await Client.AugmentTextAsync(noLabels));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("labels:", e.Status.Detail, StringComparison.Ordinal);

        var badLabel = Request(1);
        badLabel.Labels[2] = "animal";
        e = await Assert.ThrowsAsync<RpcException>(async () => await Client.AugmentTextAsync(badLabel));
        Assert.StartsWith("labels[2]:", e.Status.Detail, StringComparison.Ordinal);

        var badTemperature = Request(1);
        badTemperature.Cbert.Temperature = 0;
        e = await Assert.ThrowsAsync<RpcException>(async () => await Client.AugmentTextAsync(badTemperature));
        Assert.StartsWith("cbert.temperature:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamBatches_TextCbertEpochZero_SameRowsAsAugmentText()
    {
        var cbert = new CbertSpec { Model = "tiny", NumAug = 2 };
        var batches = await fixture.Service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "items", BatchSize = 5, Seed = 9, Shuffle = false, Epochs = 2, Cbert = cbert,
        });
        var rpc = await Client.AugmentTextAsync(Request(9));
        var epoch0 = batches.Where(b => b.Epoch == 0).ToList();
        Assert.Equal(rpc.Texts, epoch0.SelectMany(b => b.Text.Texts));
        Assert.Equal(rpc.SourceIndex.Select(i => (long)i), epoch0.SelectMany(b => b.Indices.Int64s()));
        var epoch1 = batches.Where(b => b.Epoch == 1).SelectMany(b => b.Text.Texts).ToList();
        Assert.Equal(rpc.Texts.Count, epoch1.Count);
        Assert.NotEqual(rpc.Texts, epoch1);

        var unknown = Assert.Throws<RpcException>(() => fixture.Service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "items", BatchSize = 5, Cbert = new CbertSpec { Model = "nope" },
        }).GetAwaiter().GetResult());
        Assert.Contains("cbert.model", unknown.Status.Detail, StringComparison.Ordinal);

        var both = Assert.Throws<RpcException>(() => fixture.Service.Client.ReadAllAsync(new StreamBatchesRequest
        {
            Dataset = "items", BatchSize = 5, Cbert = cbert, Eda = new EdaSpec(),
        }).GetAwaiter().GetResult());
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);
        Assert.StartsWith("cbert:", both.Status.Detail, StringComparison.Ordinal);
    }
}
