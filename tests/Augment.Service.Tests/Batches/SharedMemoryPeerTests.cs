using System.Net;
using Augment.Service.Batches;
using Microsoft.AspNetCore.Http;

namespace Augment.Service.Tests.Batches;

public sealed class SharedMemoryPeerTests
{
    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.3.2.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.7", false)]
    [InlineData("192.168.1.20", false)]
    [InlineData("::ffff:10.0.0.7", false)]
    [InlineData("fe80::1", false)]
    public void IsLocal_RemoteAddress_LoopbackOnly(string address, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(expected, SharedMemoryPeer.IsLocal(context));
    }

    [Fact]
    public void IsLocal_NoIpAddresses_TrueAsForAUnixSocket()
    {
        Assert.True(SharedMemoryPeer.IsLocal(new DefaultHttpContext()));
    }

    [Fact]
    public void IsLocal_LoopbackLocalButRemoteAddressElsewhere_False()
    {
        var context = new DefaultHttpContext();
        context.Connection.LocalIpAddress = IPAddress.Loopback;
        context.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.9");

        Assert.False(SharedMemoryPeer.IsLocal(context));
    }
}
