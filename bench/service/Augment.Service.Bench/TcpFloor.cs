using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

/// <summary>The floor of any TCP transport on this machine: raw bytes pushed through a loopback socket from a reused 1 MiB
/// buffer into a reused 1 MiB buffer (no HTTP/2, no gRPC, no protobuf, no user-space copies). The CPU-seconds per GB it
/// costs are what the kernel alone charges for the two copies and the TCP stack.</summary>
internal static class TcpFloor
{
    /// <summary>Streams for <paramref name="budget"/> seconds; returns bytes and elapsed seconds.</summary>
    public static async Task<(long Bytes, double Seconds)> RunAsync(double budget)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await client.ConnectAsync(listener.LocalEndpoint);
        using var server = await listener.AcceptSocketAsync();
        server.NoDelay = true;
        using var cts = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            var buffer = new byte[1 << 20];
            Array.Fill(buffer, (byte)7);
            try
            {
                while (!cts.IsCancellationRequested)
                {
                    await server.SendAsync(buffer, SocketFlags.None, cts.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
            }
            server.Shutdown(SocketShutdown.Send);
        });
        var received = 0L;
        var sw = Stopwatch.StartNew();
        var into = new byte[1 << 20];
        while (true)
        {
            var n = await client.ReceiveAsync(into, SocketFlags.None);
            if (n == 0)
            {
                break;
            }
            received += n;
            if (sw.Elapsed.TotalSeconds >= budget && !cts.IsCancellationRequested)
            {
                await cts.CancelAsync();
            }
        }
        await sender;
        return (received, sw.Elapsed.TotalSeconds);
    }
}
