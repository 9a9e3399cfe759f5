using Augment.Contracts.V1;
using Google.Protobuf;
using Augment.Service.Batches;
using Augment.Service.Tests.Fixtures;

namespace Augment.Service.Tests.Images;

/// <summary>Streamed batches reuse pooled buffers once written: a buffer given back too early would show up as changed bytes.</summary>
public sealed class PooledStreamTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task StreamBatches_PooledBuffersOverManyBatches_EqualInProcessBatchesByteForByte()
    {
        // 512 samples of 28x28 is 401 KB per batch: above the pooling threshold.
        var request = new StreamBatchesRequest { BatchSize = 512, Epochs = 3, Seed = 11, Workers = 2, Pipeline = Streams.RandomPipeline(28) };
        Assert.True(512 * 28 * 28 >= BatchBufferPool.MinPooledBytes);
        var runner = service.Get<BatchStreamRunner>();
        var expected = new List<byte[]>();
        await runner.RunAsync(runner.Plan(request), batch =>
        {
            expected.Add(batch.ToByteArray());
            return Task.CompletedTask;
        }, CancellationToken.None);

        var streamed = await service.Client.ReadAllAsync(request);

        Assert.True(expected.Count >= 6);
        Assert.Equal(expected, streamed.Select(b => b.ToByteArray()));
    }
}
