using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace CivilDefense.Core.Alerts.Feeds;

/// <summary>
/// Where a neighbour feed may be fetched from. A feed address is typed in by a user and its
/// entries link to further documents chosen by whoever runs the feed, so without a check the
/// server would fetch from its own loopback or the province's internal network on their behalf
/// (server-side request forgery). By default only public addresses are reached; a deployment
/// whose neighbours sit on a private network says so (<see cref="FeedPollOptions.AllowPrivateAddresses"/>).
/// The check runs on the addresses a name resolves to, at connection time, so a name that
/// resolves differently on the second look (DNS rebinding) and redirects are covered too.
/// </summary>
public static class FeedAddresses
{
    /// <summary>Whether the address is on the public internet: not loopback, private, link-local, shared, multicast or unspecified.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC); // unique local fc00::/7
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            100 => v4[1] is < 64 or > 127, // shared address space 100.64.0.0/10
            169 => v4[1] != 254, // link-local, where cloud metadata services answer
            172 => v4[1] is < 16 or > 31,
            192 => !(v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2)),
            198 => v4[1] is not (18 or 19), // benchmarking 198.18.0.0/15
            >= 224 => false, // multicast and reserved
            _ => true,
        };
    }

    /// <summary>
    /// A connection callback for the feed client's handler: resolves the host, keeps the
    /// addresses allowed, and connects to the first that answers.
    /// </summary>
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Connector(bool allowPrivateAddresses) =>
        async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var allowed = addresses.Where(a => allowPrivateAddresses || IsPublic(a)).ToArray();
            if (allowed.Length == 0)
            {
                throw new HttpRequestException($"{host} is a loopback, private or otherwise non-public address; feeds are fetched from public addresses only (Alerts:Polling:AllowPrivateAddresses allows others).");
            }

            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
