using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Tests.Images;

public sealed class AugmentImagesTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private async Task<List<AugmentImagesResponse>> Run(IEnumerable<AugmentImagesRequest> requests)
    {
        using var call = service.Client.AugmentImages();
        var reading = Task.Run(async () =>
        {
            var list = new List<AugmentImagesResponse>();
            await foreach (var r in call.ResponseStream.ReadAllAsync())
            {
                list.Add(r);
            }
            return list;
        });
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
        }
        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    [Fact]
    public async Task AugmentImages_EncodedRawAndCorrupt_AnswersInOrderWithPerImageErrors()
    {
        var pipeline = Streams.RandomPipeline(16);
        var raw = new Tensor { Dtype = DType.Uint8, Shape = { 10, 12, 1 }, Data = ByteString.CopyFrom(new byte[120]) };
        var requests = new List<AugmentImagesRequest>
        {
            new() { Pipeline = pipeline, Seed = 1, Index = 10, Encoded = ByteString.CopyFrom(TestDatasets.Png(30, 20, 1)) },
            new() { Seed = 1, Index = 11, Raw = raw },
            new() { Seed = 1, Index = 12, Encoded = ByteString.CopyFrom([1, 2, 3]), Name = "bad.jpg" },
            new() { Seed = 1, Index = 13, Raw = new Tensor { Dtype = DType.Float32, Shape = { 2, 2, 3 } } },
            new() { Seed = 1, Index = 14, Encoded = ByteString.CopyFrom(TestDatasets.Png(30, 20, 1)) },
        };
        var responses = await Run(requests);
        Assert.Equal([10L, 11, 12, 13, 14], responses.Select(r => r.Index));
        Assert.Equal([16L, 16, 3], responses[0].Image.Shape);
        Assert.Equal([16L, 16, 1], responses[1].Image.Shape);
        Assert.Contains("bad.jpg", responses[2].Error, StringComparison.Ordinal);
        Assert.Contains("raw: expected a uint8 tensor", responses[3].Error, StringComparison.Ordinal);
        Assert.Empty(responses[4].Error);
        Assert.NotEqual(responses[0].Image.Data, responses[4].Image.Data);
    }

    [Fact]
    public async Task AugmentImages_SameKey_SameBytesAsStreamedAgain()
    {
        var png = ByteString.CopyFrom(TestDatasets.Png(40, 30, 2));
        AugmentImagesRequest Request(long index) => new() { Pipeline = Streams.RandomPipeline(16), Seed = 9, Epoch = 2, Index = index, Encoded = png };
        var a = await Run([Request(1), Request(2)]);
        var b = await Run([Request(1)]);
        Assert.Equal(a[0].Image, b[0].Image);
        Assert.NotEqual(a[0].Image.Data, a[1].Image.Data);
    }

    [Fact]
    public async Task AugmentImages_BoxesAndFloatOutput_AreTransformed()
    {
        var boxes = new float[] { 2, 2, 10, 8 };
        var request = new AugmentImagesRequest
        {
            Pipeline = new Pipeline { Nodes = { new Node { Resize = new Resize { Width = 40, Height = 40 } } } },
            Output = new ImageOutput { Layout = ImageLayout.Float32Chw },
            Encoded = ByteString.CopyFrom(TestDatasets.Png(20, 20, 3)),
            Boxes = new Tensor { Dtype = DType.Float32, Shape = { 1, 4 }, Data = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(boxes.AsSpan())) },
            BoxLabels = new Tensor { Dtype = DType.Int64, Shape = { 1 }, Data = ByteString.CopyFrom(BitConverter.GetBytes(5L)) },
        };
        var response = Assert.Single(await Run([request]));
        Assert.Equal(DType.Float32, response.Image.Dtype);
        Assert.Equal([3L, 40, 40], response.Image.Shape);
        var coords = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(response.Boxes.Data.Span).ToArray();
        Assert.Equal([4f, 4, 20, 16], coords);
        Assert.Equal([5L], response.BoxLabels.Int64s());
    }

    [Fact]
    public async Task AugmentImages_NoPipelineInFirstMessage_IsInvalidArgument()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Run([new AugmentImagesRequest { Encoded = ByteString.CopyFrom([1]) }]));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("pipeline: required in the first message", ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AugmentImages_InvalidSpecInLaterMessage_NamesMessageAndPath()
    {
        var png = ByteString.CopyFrom(TestDatasets.Png(8, 8, 1));
        var bad = new Pipeline { Nodes = { new Node { P = -1, HorizontalFlip = new HorizontalFlip() } } };
        var ex = await Assert.ThrowsAsync<RpcException>(() => Run(
        [
            new AugmentImagesRequest { Pipeline = new Pipeline(), Encoded = png },
            new AugmentImagesRequest { Pipeline = bad, Encoded = png },
        ]));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("messages[1].pipeline.nodes[0].p", ex.Status.Detail, StringComparison.Ordinal);
    }
}
