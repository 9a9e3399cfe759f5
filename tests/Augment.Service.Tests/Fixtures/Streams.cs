using Augment.Contracts.V1;
using Grpc.Core;

namespace Augment.Service.Tests.Fixtures;

/// <summary>Helpers for reading streams and tensors in tests.</summary>
public static class Streams
{
    /// <summary>Every batch of a StreamBatches call.</summary>
    public static async Task<List<Batch>> ReadAllAsync(this AugmentService.AugmentServiceClient client, StreamBatchesRequest request)
    {
        using var call = client.StreamBatches(request);
        var batches = new List<Batch>();
        await foreach (var batch in call.ResponseStream.ReadAllAsync())
        {
            batches.Add(batch);
        }
        return batches;
    }

    /// <summary>The values of an int64 tensor.</summary>
    public static long[] Int64s(this Tensor tensor)
    {
        Assert.Equal(DType.Int64, tensor.Dtype);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(tensor.Data.Span).ToArray();
    }

    /// <summary>A pipeline with random geometry that works on grayscale 28x28 and RGB images.</summary>
    public static Pipeline RandomPipeline(int size = 24) => new()
    {
        Nodes =
        {
            new Node { Id = "crop", RandomResizedCrop = new RandomResizedCrop { Width = size, Height = size } },
            new Node { Id = "flip", P = 0.5f, HorizontalFlip = new HorizontalFlip() },
            new Node { Id = "rot", Rotate = new Rotate { Degrees = new Contracts.V1.Range { Min = -20, Max = 20 } } },
        },
    };
}
