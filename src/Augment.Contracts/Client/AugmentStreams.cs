using Augment.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Augment.Contracts.Client;

/// <summary><c>augment.v1.AugmentService/StreamBatches</c> with <see cref="BatchMarshaller"/> as the response marshaller:
/// the same call as <see cref="AugmentService.AugmentServiceClient.StreamBatches(StreamBatchesRequest, CallOptions)"/>,
/// with one copy of the tensor bytes less on the client.</summary>
public static class AugmentStreams
{
    private static readonly Method<StreamBatchesRequest, Batch> StreamBatchesMethod = CreateMethod(BatchMarshaller.Instance);

    /// <summary>Starts a StreamBatches call on <paramref name="invoker"/>; with <paramref name="pooled"/>, large tensors are
    /// read into its pooled arrays (give each batch back with <see cref="PooledBatchMarshaller.Return"/>).</summary>
    public static AsyncServerStreamingCall<Batch> StreamBatches(CallInvoker invoker, StreamBatchesRequest request, CallOptions options = default,
        PooledBatchMarshaller? pooled = null)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(request);
        return invoker.AsyncServerStreamingCall(pooled?.StreamBatchesMethod ?? StreamBatchesMethod, null, options, request);
    }

    /// <summary>Starts a StreamBatches call on <paramref name="channel"/>.</summary>
    public static AsyncServerStreamingCall<Batch> StreamBatches(this GrpcChannel channel, StreamBatchesRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return StreamBatches(channel.CreateCallInvoker(), request, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>Starts a StreamBatches call on <paramref name="channel"/> whose large tensors are read into
    /// <paramref name="pooled"/>'s arrays: give each batch back with <see cref="PooledBatchMarshaller.Return"/>.</summary>
    public static AsyncServerStreamingCall<Batch> StreamBatches(this GrpcChannel channel, StreamBatchesRequest request,
        PooledBatchMarshaller pooled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(pooled);
        return StreamBatches(channel.CreateCallInvoker(), request, new CallOptions(cancellationToken: cancellationToken), pooled);
    }

    /// <summary>Starts a StreamBatches call whose tensor bytes come through a shared-memory ring (same host only: the
    /// server refuses other peers with FAILED_PRECONDITION): <paramref name="request"/> with <c>shared_memory</c> set
    /// (<paramref name="ringBytes"/> = 0: the server's default ring size). With <paramref name="batchesInRing"/> (the
    /// default) every batch after the first comes through the ring too, announced on a doorbell FIFO, instead of as a
    /// gRPC message. Dispose the stream when done.</summary>
    public static SharedMemoryBatchStream StreamBatchesShared(CallInvoker invoker, StreamBatchesRequest request, long ringBytes = 0,
        bool batchesInRing = true, CallOptions options = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shared = request.Clone();
        shared.SharedMemory = new SharedMemoryOptions { Enabled = true, RingBytes = ringBytes, BatchesInRing = batchesInRing };
        return new SharedMemoryBatchStream(StreamBatches(invoker, shared, options));
    }

    /// <summary>Starts a StreamBatches call on <paramref name="channel"/> whose tensor bytes (and, with
    /// <paramref name="batchesInRing"/>, batches) come through a shared-memory ring (see
    /// <see cref="StreamBatchesShared(CallInvoker, StreamBatchesRequest, long, bool, CallOptions)"/>).</summary>
    public static SharedMemoryBatchStream StreamBatchesShared(this GrpcChannel channel, StreamBatchesRequest request, long ringBytes = 0,
        bool batchesInRing = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return StreamBatchesShared(channel.CreateCallInvoker(), request, ringBytes, batchesInRing, new CallOptions(cancellationToken: cancellationToken));
    }

    /// <summary>The StreamBatches method descriptor with <paramref name="responses"/> as the response marshaller.</summary>
    internal static Method<StreamBatchesRequest, Batch> CreateMethod(Marshaller<Batch> responses) => new(
        MethodType.ServerStreaming,
        AugmentService.Descriptor.FullName,
        "StreamBatches",
        Marshallers.Create(r => r.ToByteArray(), StreamBatchesRequest.Parser.ParseFrom),
        responses);
}
