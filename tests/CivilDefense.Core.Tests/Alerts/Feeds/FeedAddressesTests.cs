using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using CivilDefense.Core.Alerts.Feeds;

namespace CivilDefense.Core.Tests.Alerts.Feeds;

/// <summary>Which addresses a neighbour feed may be fetched from, and the connection that enforces it.</summary>
public sealed class FeedAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1"), InlineData("127.8.9.10"), InlineData("10.1.2.3"), InlineData("172.16.0.1"), InlineData("172.31.255.255")]
    [InlineData("192.168.1.1"), InlineData("169.254.169.254"), InlineData("100.64.0.1"), InlineData("0.0.0.0"), InlineData("224.0.0.1")]
    [InlineData("255.255.255.255"), InlineData("::1"), InlineData("::"), InlineData("fe80::1"), InlineData("fd00::1"), InlineData("::ffff:10.0.0.1")]
    public void NonPublicAddresses_AreRefused(string address) => Assert.False(FeedAddresses.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("203.113.131.1"), InlineData("8.8.8.8"), InlineData("172.32.0.1"), InlineData("100.128.0.1"), InlineData("2001:ee0::1"), InlineData("::ffff:203.113.131.1")]
    public void PublicAddresses_AreAllowed(string address) => Assert.True(FeedAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task TheConnector_RefusesLoopback_UnlessPrivateAddressesAreAllowed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/feed.atom";
        var accepted = AnswerOnceAsync(listener);

        using var refusing = new HttpClient(new SocketsHttpHandler { ConnectCallback = FeedAddresses.Connector(allowPrivateAddresses: false) });
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => refusing.GetAsync(url));
        Assert.Contains("public addresses only", refused.Message + refused.InnerException?.Message);
        Assert.False(accepted.IsCompleted);

        using var allowing = new HttpClient(new SocketsHttpHandler { ConnectCallback = FeedAddresses.Connector(allowPrivateAddresses: true) });
        Assert.Equal(HttpStatusCode.OK, (await allowing.GetAsync(url)).StatusCode);
        await accepted;
    }

    private static async Task AnswerOnceAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        _ = await stream.ReadAsync(buffer);
        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray());
    }
}
