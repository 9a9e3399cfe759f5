using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Augment.Contracts.Client;
using Augment.Contracts.V1;

namespace Augment.Service.Tests.Client;

public sealed class AugmentChannelTests
{
    [Fact]
    public void CreateHandler_SetsTheLargeStreamWindow()
    {
        using var handler = AugmentChannel.CreateHandler();

        Assert.Equal(16 * 1024 * 1024, handler.InitialHttp2StreamWindowSize);
        Assert.True(handler.EnableMultipleHttp2Connections);
    }

    [Fact]
    public async Task ForAddress_FirstSettingsFrameOnTheWire_AnnouncesThe16MiBStreamWindow()
    {
        // A bare TCP listener reads what the channel sends: the HTTP/2 preface, then the client's SETTINGS frame.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var channel = AugmentChannel.ForAddress($"http://127.0.0.1:{port}");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var call = channel.StreamBatches(new StreamBatchesRequest(), cts.Token);
        var pending = call.ResponseStream.MoveNext(cts.Token);

        using var socket = await listener.AcceptSocketAsync(cts.Token);
        var preface = await ReadExactly(socket, 24, cts.Token);
        var header = await ReadExactly(socket, 9, cts.Token);
        var length = (header[0] << 16) | (header[1] << 8) | header[2];
        var payload = await ReadExactly(socket, length, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => pending);

        Assert.Equal("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", System.Text.Encoding.ASCII.GetString(preface));
        Assert.Equal(0x4, header[3]); // SETTINGS
        var settings = Enumerable.Range(0, length / 6).ToDictionary(
            i => BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(6 * i)),
            i => BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(6 * i + 2)));
        Assert.Equal((uint)AugmentChannel.StreamWindowBytes, settings[0x4]); // SETTINGS_INITIAL_WINDOW_SIZE
    }

    private static async Task<byte[]> ReadExactly(Socket socket, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), cancellationToken);
            Assert.NotEqual(0, n);
            read += n;
        }
        return buffer;
    }
}
