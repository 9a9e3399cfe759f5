using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Tests.Client;

public sealed class AugmentStreamsTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    public static TheoryData<string> Requests => new()
    {
        // Built-in sample, random pipeline, two epochs, a shard; folder with boxes; a skipped undecodable file; float output.
        """{ "batchSize": 64, "epochs": 2, "seed": 5, "shard": { "index": 1, "count": 2 }, "pipeline": { "nodes": [ { "id": "crop", "randomResizedCrop": { "width": 20, "height": 20 } } ] } }""",
        """{ "dataset": "folder", "batchSize": 3, "targetWidth": 40, "targetHeight": 32 }""",
        """{ "dataset": "broken", "batchSize": 4, "shuffle": false, "onDecodeError": "DECODE_ERROR_POLICY_SKIP" }""",
        """{ "dataset": "imbalanced", "batchSize": 16, "balance": { "mode": "BALANCE_MODE_OVERSAMPLE" }, "output": { "layout": "IMAGE_LAYOUT_FLOAT32_CHW" } }""",
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task StreamBatches_LibraryMarshaller_GivesTheGeneratedClientsBatchesByteForByte(string json)
    {
        var request = JsonParser.Default.Parse<StreamBatchesRequest>(json);
        var expected = await service.Client.ReadAllAsync(request);
        using var channel = AugmentChannel.ForAddress(service.Address);

        var actual = new List<Batch>();
        using (var call = channel.StreamBatches(request))
        {
            await foreach (var batch in call.ResponseStream.ReadAllAsync())
            {
                actual.Add(batch);
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(b => b.ToByteArray()), actual.Select(b => b.ToByteArray()));
    }

    [Fact]
    public async Task StreamBatches_BatchOverFourMegabytes_PassesTheChannelsDefaultLimit()
    {
        using var channel = AugmentChannel.ForAddress(service.Address);
        using var call = channel.StreamBatches(new StreamBatchesRequest { BatchSize = 2000, Output = new ImageOutput { Layout = ImageLayout.Float32Chw } });

        Assert.True(await call.ResponseStream.MoveNext());

        Assert.Equal(2000L * 28 * 28 * 4, TensorData.Array(call.ResponseStream.Current.Image.Images).Length);
    }

    [Fact]
    public async Task StreamBatches_BatchOverTheChannelsLimit_IsResourceExhausted()
    {
        using var channel = AugmentChannel.ForAddress(service.Address.ToString(), maxReceiveMessageBytes: 1 << 20);
        using var call = channel.StreamBatches(new StreamBatchesRequest { BatchSize = 2000 });

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
