using System.Buffers;
using System.Runtime.InteropServices;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Augment.Service.Tests.Fixtures;
using Google.Protobuf;
using Grpc.Core;

namespace Augment.Service.Tests.Client;

public sealed class PooledBatchMarshallerTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    [Fact]
    public void Parse_EveryField_EqualsGeneratedParserWithLargeTensorsInPooledArrays()
    {
        var bytes = BatchMarshallerTests.FullBatch().ToByteArray();
        var marshaller = new PooledBatchMarshaller(ArrayPool<byte>.Create(), minPooledBytes: 300);

        var batch = marshaller.Parse(new ReadOnlySequence<byte>(bytes));

        Assert.Equal(Batch.Parser.ParseFrom(bytes), batch);
        Assert.Equal(bytes, batch.ToByteArray());
        // The 360-byte image tensor sits at the start of a longer rented array; the 32-byte indices have an exact one.
        Assert.True(MemoryMarshal.TryGetArray(batch.Image.Images.Data.Memory, out var images));
        Assert.True(images.Array!.Length > images.Count);
        Assert.True(MemoryMarshal.TryGetArray(batch.Indices.Data.Memory, out var indices));
        Assert.Equal(indices.Array!.Length, indices.Count);
    }

    [Fact]
    public void Return_ParsedBatch_GivesItsLargeArraysBackOnce()
    {
        var bytes = BatchMarshallerTests.FullBatch().ToByteArray();
        var pool = ArrayPool<byte>.Create();
        var marshaller = new PooledBatchMarshaller(pool, minPooledBytes: 300);
        var batch = marshaller.Parse(new ReadOnlySequence<byte>(bytes));
        Assert.True(MemoryMarshal.TryGetArray(batch.Image.Images.Data.Memory, out var images));

        marshaller.Return(batch);
        marshaller.Return(batch);

        Assert.Same(images.Array, pool.Rent(360));
        Assert.NotSame(images.Array, pool.Rent(360));
    }

    [Fact]
    public void Return_BatchFromElsewhere_ReturnsNothing()
    {
        var pool = ArrayPool<byte>.Create();
        var rented = pool.Rent(1000);
        pool.Return(rented);
        var marshaller = new PooledBatchMarshaller(pool, minPooledBytes: 300);

        marshaller.Return(Batch.Parser.ParseFrom(BatchMarshallerTests.FullBatch().ToByteArray()));

        Assert.Same(rented, pool.Rent(1000));
        Assert.NotSame(rented, pool.Rent(1000));
    }

    [Fact]
    public async Task StreamBatches_ReturningEveryBatch_GivesTheGeneratedClientsBytes()
    {
        var request = new StreamBatchesRequest { BatchSize = 512, Epochs = 2, Seed = 3, Pipeline = Streams.RandomPipeline(28) };
        var expected = (await service.Client.ReadAllAsync(request)).Select(b => b.ToByteArray()).ToList();
        using var channel = AugmentChannel.ForAddress(service.Address);
        var marshaller = new PooledBatchMarshaller();

        var actual = new List<byte[]>();
        using (var call = channel.StreamBatches(request, marshaller))
        {
            await foreach (var batch in call.ResponseStream.ReadAllAsync())
            {
                actual.Add(batch.ToByteArray());
                marshaller.Return(batch);
            }
        }

        Assert.True(expected.Count >= 4);
        Assert.Equal(expected, actual);
    }
}
