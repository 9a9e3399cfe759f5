using Augment.Service.Tests.Fixtures;
using Augment.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Tests.Tabular;

public sealed class TabularGrpcServiceTests(ServiceFixture server) : IClassFixture<ServiceFixture>
{
    private TabularService.TabularServiceClient Client => new(server.Channel);

    private static (Tensor Features, Tensor Labels) Table(int majority, int minority, int d, bool float32 = false)
    {
        var n = majority + minority;
        var x = new double[n * d];
        var y = new long[n];
        for (var r = 0; r < n; r++)
        {
            y[r] = r < majority ? 7 : 3;
            for (var f = 0; f < d; f++)
            {
                x[r * d + f] = (r * 31 + f * 17) % 23 / 4.0 + (y[r] == 3 ? 2 : 0);
            }
        }
        var fx = float32 ? x.SelectMany(v => BitConverter.GetBytes((float)v)).ToArray() : x.SelectMany(BitConverter.GetBytes).ToArray();
        return (new Tensor { Dtype = float32 ? DType.Float32 : DType.Float64, Shape = { n, d }, Data = ByteString.CopyFrom(fx) },
            new Tensor { Dtype = DType.Int64, Shape = { n }, Data = ByteString.CopyFrom(y.SelectMany(BitConverter.GetBytes).ToArray()) });
    }

    private static long[] Labels(Tensor t) =>
        Enumerable.Range(0, (int)t.Shape[0]).Select(i => BitConverter.ToInt64(t.Data.Span.Slice(i * 8, 8))).ToArray();

    [Fact]
    public async Task Resample_SmoteDefaults_BalancesAndMarksSyntheticRows()
    {
        var (features, labels) = Table(80, 15, 3);
        var response = await Client.ResampleAsync(new ResampleRequest { Features = features, Labels = labels });
        Assert.Equal(new long[] { 160, 3 }, response.Features.Shape);
        Assert.Equal(DType.Float64, response.Features.Dtype);
        Assert.Equal(80, Labels(response.Labels).Count(l => l == 3));
        Assert.Equal(65, response.Synthetic.Data.ToByteArray().Count(b => b == 1));
        Assert.Equal(new[] { (3L, 15L), (7L, 80L) }, response.CountsBefore.Select(c => (c.Label, c.Count)));
        Assert.Equal(new[] { (3L, 80L), (7L, 80L) }, response.CountsAfter.Select(c => (c.Label, c.Count)));
        // Original rows come back first, unchanged.
        Assert.Equal(features.Data.Span.ToArray(), response.Features.Data.Span[..features.Data.Length].ToArray());
    }

    [Fact]
    public async Task Resample_SameSeed_SameBytes()
    {
        var (features, labels) = Table(60, 12, 4, float32: true);
        var request = new ResampleRequest
        {
            Features = features,
            Labels = labels,
            Sampler = new TabularSampler { Method = TabularMethod.BorderlineSmote, Seed = 9, KNeighbors = 3 },
        };
        var a = await Client.ResampleAsync(request);
        var b = await Client.ResampleAsync(request);
        Assert.Equal(DType.Float32, a.Features.Dtype);
        Assert.Equal(a.Features.Data, b.Features.Data);
    }

    [Fact]
    public async Task Resample_UnderSamplingWithTargets_KeepsAskedCount()
    {
        var (features, labels) = Table(50, 10, 2);
        var response = await Client.ResampleAsync(new ResampleRequest
        {
            Features = features,
            Labels = labels,
            Sampler = new TabularSampler
            {
                Method = TabularMethod.RandomUnderSampler,
                SamplingStrategy = new TabularSamplingStrategy { Targets = new TabularClassTargets { Counts = { [7] = 20 } } },
            },
        });
        Assert.Equal(new[] { (3L, 10L), (7L, 20L) }, response.CountsAfter.Select(c => (c.Label, c.Count)));
    }

    [Fact]
    public async Task Resample_SmoteNcCategoricalCodes_ComeBackAsOriginalCodes()
    {
        var (features, labels) = Table(40, 12, 3);
        var x = features.Data.ToByteArray();
        for (var r = 0; r < 52; r++)
        {
            BitConverter.GetBytes((double)(r % 2 == 0 ? 10 : 20)).CopyTo(x, (r * 3 + 2) * 8);
        }
        features.Data = ByteString.CopyFrom(x);
        var response = await Client.ResampleAsync(new ResampleRequest
        {
            Features = features,
            Labels = labels,
            Sampler = new TabularSampler { Method = TabularMethod.SmoteNc, CategoricalColumns = { 2 } },
        });
        var values = Enumerable.Range(0, (int)response.Features.Shape[0])
            .Select(r => BitConverter.ToDouble(response.Features.Data.Span.Slice((r * 3 + 2) * 8, 8))).Distinct().Order().ToArray();
        Assert.Equal([10.0, 20.0], values);
    }

    [Fact]
    public async Task Resample_BadShape_IsInvalidArgumentNamingTheField()
    {
        var (features, labels) = Table(10, 10, 2);
        features.Shape.Clear();
        features.Shape.Add(20);
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ResampleAsync(new ResampleRequest { Features = features, Labels = labels }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("features.shape", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resample_ClassTooSmall_IsInvalidArgumentNamingTheClass()
    {
        var (features, labels) = Table(30, 3, 2);
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ResampleAsync(new ResampleRequest { Features = features, Labels = labels }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains("class '3' has 3 rows", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resample_NaN_IsInvalidArgumentNamingTheCell()
    {
        var (features, labels) = Table(20, 10, 2);
        var x = features.Data.ToByteArray();
        BitConverter.GetBytes(double.NaN).CopyTo(x, (5 * 2 + 1) * 8);
        features.Data = ByteString.CopyFrom(x);
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.ResampleAsync(new ResampleRequest { Features = features, Labels = labels }).ResponseAsync);
        Assert.Contains("features[5, 1]", e.Status.Detail, StringComparison.Ordinal);
    }
}
