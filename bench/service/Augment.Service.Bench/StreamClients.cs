using System.Diagnostics;
using Augment.Contracts.Client;
using Augment.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

/// <summary>The C# streaming clients measured by the bench, by variant:
/// <c>lib</c>: <see cref="AugmentChannel"/> + <see cref="AugmentStreams"/> (the library's channel and batch marshaller);
/// <c>pool</c>: the same with a <see cref="PooledBatchMarshaller"/> (each batch returned after use);
/// <c>gen</c>: the generated client with the generated marshaller on a channel with a 16 MiB stream window (the setup
/// measured before the library helpers existed); <c>discard</c>: the library channel with a marshaller that parses
/// nothing (what the gRPC/HTTP/2 receive path costs without protobuf); <c>shm</c>: the library channel with
/// <see cref="AugmentStreams.StreamBatchesShared(GrpcChannel, StreamBatchesRequest, long, bool, CancellationToken)"/> (tensor
/// bytes and every batch after the first through a shared-memory ring with a doorbell, each batch released when the
/// next is read); <c>shm-msg</c>: the same with one gRPC message per batch (tensor bytes only through the ring).</summary>
internal static class StreamClients
{
    private static readonly Method<StreamBatchesRequest, Batch> DiscardMethod = new(
        MethodType.ServerStreaming, AugmentService.Descriptor.FullName, "StreamBatches",
        Marshallers.Create(r => r.ToByteArray(), StreamBatchesRequest.Parser.ParseFrom),
        new Marshaller<Batch>((_, _) => throw new NotSupportedException(), ctx => new Batch { BatchIndex = ctx.PayloadLength }));

    private static readonly PooledBatchMarshaller Pooled = new();

    /// <summary>Streams <paramref name="request"/> on <paramref name="clients"/> channels (shard c of n each) for
    /// <paramref name="budget"/> seconds. Returns samples, tensor payload bytes, elapsed seconds.</summary>
    public static async Task<(long Samples, long Bytes, double Seconds)> RunAsync(
        string address, StreamBatchesRequest request, int clients, double budget, string variant)
    {
        long samples = 0, bytes = 0;
        var sw = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, clients).Select(async c =>
        {
            using var channel = variant == "gen"
                ? GrpcChannel.ForAddress(address, new GrpcChannelOptions
                {
                    MaxReceiveMessageSize = 512 << 20,
                    HttpHandler = new SocketsHttpHandler { InitialHttp2StreamWindowSize = 16 << 20, EnableMultipleHttp2Connections = true },
                })
                : AugmentChannel.ForAddress(address);
            var r = request.Clone();
            r.Shard = new Shard { Index = c, Count = clients };
            using var cts = new CancellationTokenSource();
            using var shared = variant is "shm" or "shm-msg"
                ? channel.StreamBatchesShared(r, batchesInRing: variant == "shm", cancellationToken: cts.Token)
                : null;
            using var call = shared?.Call ?? variant switch
            {
                "gen" => new AugmentService.AugmentServiceClient(channel).StreamBatches(r, cancellationToken: cts.Token),
                "lib" => channel.StreamBatches(r, cts.Token),
                "pool" => channel.StreamBatches(r, Pooled, cts.Token),
                "discard" => channel.CreateCallInvoker().AsyncServerStreamingCall(DiscardMethod, null, new CallOptions(cancellationToken: cts.Token), r),
                _ => throw new ArgumentException($"unknown client variant {variant}"),
            };
            var perBatch = request.BatchSize;
            try
            {
                var batches = shared is null ? call.ResponseStream.ReadAllAsync(cts.Token) : Messages(shared, cts.Token);
                await foreach (var batch in batches)
                {
                    if (variant == "discard")
                    {
                        // Message bytes (a few hundred more than the tensor payload); a full batch assumed.
                        Interlocked.Add(ref samples, perBatch);
                        Interlocked.Add(ref bytes, batch.BatchIndex);
                    }
                    else
                    {
                        Interlocked.Add(ref samples, batch.Indices.Shape[0]);
                        Interlocked.Add(ref bytes, PayloadBytes(batch));
                        if (variant == "pool")
                        {
                            Pooled.Return(batch);
                        }
                    }
                    if (sw.Elapsed.TotalSeconds >= budget)
                    {
                        cts.Cancel();
                    }
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }).ToArray();
        await Task.WhenAll(tasks);
        return (samples, bytes, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Bytes of the batch's image tensor (in the message or in a shared-memory ring).</summary>
    public static long PayloadBytes(Batch batch) => batch.Image.Images.SharedMemory?.Length ?? batch.Image.Images.Data.Length;

    /// <summary>The messages of a shared-memory stream; each batch is released when the next one is asked for.</summary>
    private static async IAsyncEnumerable<Batch> Messages(SharedMemoryBatchStream stream,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in stream.ReadAllAsync(cancellationToken))
        {
            yield return batch.Message;
        }
    }

    /// <summary>The child-process client: <c>client ADDRESS REQUEST_BASE64 CLIENTS SECONDS VARIANT</c>. Warms up for a
    /// second, prints <c>start</c>, streams, prints <c>end SAMPLES BYTES SECONDS CPU_SECONDS</c>.</summary>
    public static async Task<int> ChildMainAsync(string[] args)
    {
        var address = args[1];
        var request = StreamBatchesRequest.Parser.ParseFrom(Convert.FromBase64String(args[2]));
        var clients = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        var variant = args[5];
        await RunAsync(address, request, clients, 1.0, variant);
        Console.WriteLine("start");
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var (samples, bytes, elapsed) = await RunAsync(address, request, clients, seconds, variant);
        self.Refresh();
        var used = (self.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"end {samples} {bytes} {elapsed:F6} {used:F6}"));
        return 0;
    }
}
