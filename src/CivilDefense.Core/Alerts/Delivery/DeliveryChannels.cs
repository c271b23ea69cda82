using System.Net.Http;
using CivilDefense.Core.Alerts.Delivery.Channels;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>A configured channel with what limits it: its token bucket and its concurrent requests.</summary>
public sealed class ChannelRuntime(string name, IDeliveryChannel channel, TokenBucket? rateLimit, int maxConcurrentRequests)
{
    public string Name => name;

    public IDeliveryChannel Channel => channel;

    public TokenBucket? RateLimit => rateLimit;

    public SemaphoreSlim Requests { get; } = new(maxConcurrentRequests, maxConcurrentRequests);

    /// <summary>Messages per request: the gateway's batch size, or one.</summary>
    public int BatchSize => channel is IBatchingDeliveryChannel batching ? Math.Max(1, batching.MaxBatchSize) : 1;
}

/// <summary>Builds the channels named in <see cref="DeliveryOptions.Channels"/>.</summary>
public static class DeliveryChannels
{
    public static Dictionary<string, ChannelRuntime> Create(DeliveryOptions options, TimeProvider clock)
    {
        var channels = new Dictionary<string, ChannelRuntime>(StringComparer.Ordinal);
        foreach (var (name, settings) in options.Channels)
        {
            IDeliveryChannel channel = settings.Kind switch
            {
                ChannelKind.HttpSms => new HttpSmsChannel(HttpClientFor(settings), settings.Http!, settings.RetryableStatuses),
                ChannelKind.Email => new SmtpEmailChannel(settings.Smtp!, settings.Timeout),
                ChannelKind.Webhook => new WebhookChannel(HttpClientFor(settings), settings.Webhook!, settings.RetryableStatuses, clock),
                _ => throw new InvalidOperationException($"Unknown channel kind {settings.Kind}."),
            };

            // The bucket holds at least one batch, or a batch could never be sent.
            var batch = channel is IBatchingDeliveryChannel b ? b.MaxBatchSize : 1;
            var bucket = settings.RatePerSecond > 0 ? new TokenBucket(settings.RatePerSecond, Math.Max(settings.Burst, batch), clock) : null;
            channels[name] = new ChannelRuntime(name, channel, bucket, settings.MaxConcurrentRequests);
        }

        return channels;
    }

    /// <summary>One client per gateway, with as many connections as requests may be open at once.</summary>
    private static HttpClient HttpClientFor(ChannelOptions settings) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.MaxConcurrentRequests,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = settings.Timeout,
        };
}
