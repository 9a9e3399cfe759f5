using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;

namespace Augment.Service.Batches;

/// <summary>Whether a call comes from the same host: a loopback address (127.0.0.0/8, ::1, IPv4-mapped loopback)
/// or a Unix domain socket. Only such peers may map a shared-memory ring.</summary>
internal static class SharedMemoryPeer
{
    /// <summary>True for a loopback or Unix-socket peer of <paramref name="context"/>.</summary>
    public static bool IsLocal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoints = context.Features.Get<IConnectionEndPointFeature>();
        return endpoints?.LocalEndPoint is UnixDomainSocketEndPoint || IsLoopback(context.Connection.RemoteIpAddress);
    }

    /// <summary>True for a loopback address (IPv4, IPv6 or IPv4 mapped to IPv6).</summary>
    public static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>The peer as shown in messages.</summary>
    public static string Describe(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? context.Features.Get<IConnectionEndPointFeature>()?.RemoteEndPoint?.ToString() ?? "unknown";
}
