using Grpc.Net.Client;

namespace Augment.Contracts.Client;

/// <summary>Channels to the Augment service set up for large streamed batches.</summary>
public static class AugmentChannel
{
    /// <summary>Largest message the channel accepts by default: the service's default batch limit (256 MiB) plus room.</summary>
    public const int DefaultMaxReceiveMessageBytes = 264 * 1024 * 1024;

    /// <summary>HTTP/2 receive window per stream: 16 MiB, the largest SocketsHttpHandler allows by default. The default
    /// (64 KiB) makes the server wait for a window update every 64 KiB of a multi-megabyte batch.</summary>
    public const int StreamWindowBytes = 16 * 1024 * 1024;

    /// <summary>A channel to <paramref name="address"/> (e.g. <c>http://127.0.0.1:50051</c>) with a
    /// <see cref="CreateHandler"/> handler and the receive limit <paramref name="maxReceiveMessageBytes"/>.</summary>
    public static GrpcChannel ForAddress(string address, int maxReceiveMessageBytes = DefaultMaxReceiveMessageBytes) =>
        GrpcChannel.ForAddress(address, Options(maxReceiveMessageBytes));

    /// <summary>A channel to <paramref name="address"/>; see <see cref="ForAddress(string, int)"/>.</summary>
    public static GrpcChannel ForAddress(Uri address, int maxReceiveMessageBytes = DefaultMaxReceiveMessageBytes) =>
        GrpcChannel.ForAddress(address, Options(maxReceiveMessageBytes));

    /// <summary>The channel options: the handler below, <paramref name="maxReceiveMessageBytes"/>, and the handler disposed
    /// with the channel.</summary>
    public static GrpcChannelOptions Options(int maxReceiveMessageBytes = DefaultMaxReceiveMessageBytes) => new()
    {
        HttpHandler = CreateHandler(),
        DisposeHttpClient = true,
        MaxReceiveMessageSize = maxReceiveMessageBytes,
    };

    /// <summary>A SocketsHttpHandler with a <see cref="StreamWindowBytes"/> HTTP/2 stream window and extra connections when
    /// one reaches the server's concurrent-stream limit.</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        InitialHttp2StreamWindowSize = StreamWindowBytes,
        EnableMultipleHttp2Connections = true,
    };
}
