using Augment.Service.Tests.Fixtures;
using Augment.Contracts.V1;
using Grpc.Core;

namespace Augment.Service.Tests.Text;

public class TextGrpcServiceTests(ServiceFixture server) : IClassFixture<ServiceFixture>
{
    private TextService.TextServiceClient Client => new(server.Channel);

    private static AugmentTextRequest Request(params string[] texts)
    {
        var request = new AugmentTextRequest { Seed = 1, Eda = new EdaSpec() };
        request.Texts.AddRange(texts);
        return request;
    }

    [Fact]
    public async Task AugmentText_Defaults_NinePlusOriginalPerTextWithLabelsAndSources()
    {
        var request = Request("The cat sat quietly on the warm mat.", "Stocks fell sharply after the announcement.");
        request.Labels.AddRange(["pets", "finance"]);
        var response = await Client.AugmentTextAsync(request);
        Assert.Equal(20, response.Texts.Count);
        Assert.Equal(Enumerable.Repeat(0, 10).Concat(Enumerable.Repeat(1, 10)), response.SourceIndex);
        Assert.Equal(Enumerable.Repeat("pets", 10).Concat(Enumerable.Repeat("finance", 10)), response.Labels);
        Assert.Equal("The cat sat quietly on the warm mat.", response.Texts[9]);
        Assert.True(response.IsOriginal[9] && response.IsOriginal[19]);
        Assert.Equal(2, response.IsOriginal.Count(o => o));
        Assert.True(response.Texts.Take(9).Distinct().Count() > 3);
    }

    [Fact]
    public async Task AugmentText_SplitWithFirstIndex_SameAsOneRequest()
    {
        var whole = await Client.AugmentTextAsync(Request("first sentence about dogs", "second sentence about happy cats"));
        var second = Request("second sentence about happy cats");
        second.FirstIndex = 1;
        var part = await Client.AugmentTextAsync(second);
        Assert.Equal(whole.Texts.Skip(10), part.Texts);
        Assert.Empty(part.Labels);
    }

    [Fact]
    public async Task AugmentText_ExplicitSpec_Honoured()
    {
        var request = Request("Hello, Wonderful World!");
        // One operation enabled: floor(4 / 4) + 1 = 2 candidates, as the reference.
        request.Eda = new EdaSpec { NumAug = 4, KeepOriginal = false, AlphaSr = 0, AlphaRi = 0, AlphaRd = 0, Tokenization = TextTokenization.Reference };
        var response = await Client.AugmentTextAsync(request);
        Assert.Equal(2, response.Texts.Count);
        Assert.All(response.Texts, t => Assert.Equal(["hello", "wonderful", "world"], t.Split(' ').Order()));
        Assert.DoesNotContain(true, response.IsOriginal);
    }

    [Theory]
    [InlineData("labels", "labels: 1 labels for 2 texts")]
    [InlineData("empty", "texts[1]: empty text")]
    [InlineData("method", "method: not set")]
    [InlineData("alpha", "eda.alpha_rs: must be between 0 and 1")]
    [InlineData("numaug", "eda.num_aug: must be a whole number")]
    [InlineData("none", "texts: empty request")]
    [InlineData("long", "texts[0]: 70000 characters")]
    [InlineData("outputs", "exceeds 200000 per response")]
    public async Task AugmentText_BadRequest_InvalidArgumentNamingField(string kind, string expected)
    {
        var request = Request("a fine sentence", "   ");
        switch (kind)
        {
            case "labels":
                request.Texts[1] = "ok";
                request.Labels.Add("x");
                break;
            case "method":
                request.ClearMethod();
                break;
            case "alpha":
                request.Eda.AlphaRs = 1.5;
                break;
            case "numaug":
                request.Eda.NumAug = 2.5;
                break;
            case "none":
                request.Texts.Clear();
                break;
            case "long":
                request.Texts[0] = new string('a', 70_000);
                break;
            case "outputs":
                request.Texts.Clear();
                request.Texts.AddRange(Enumerable.Repeat("some words here", 5000));
                request.Eda.NumAug = 100;
                break;
        }
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.AugmentTextAsync(request).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(expected, e.Status.Detail);
    }
}
