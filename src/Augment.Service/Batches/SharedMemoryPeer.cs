using System.Net;

namespace Augment.Service.Batches;

/// <summary>Whether a call comes from the same host: a loopback address (127.0.0.0/8, ::1, IPv4-mapped loopback), or a
/// connection without IP addresses at all, which Kestrel reports for Unix domain sockets (its only transports are TCP,
/// QUIC, both with addresses, Unix sockets and Windows named pipes). Only such peers may map a shared-memory ring.</summary>
internal static class SharedMemoryPeer
{
    /// <summary>True for a loopback or Unix-socket peer of <paramref name="context"/>.</summary>
    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var connection = context.Connection;
        return (connection.RemoteIpAddress is null && connection.LocalIpAddress is null) || IsLoopback(connection.RemoteIpAddress);
    }

    /// <summary>True for a loopback address (IPv4, IPv6 or IPv4 mapped to IPv6).</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The peer as shown in messages.</summary>
    public static string Describe(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
