using System.Diagnostics;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>Each configured channel is claimed on its own, so a slow gateway cannot hold back a fast one.</summary>
public sealed class ChannelClaimTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_ASlowGateway_DoesNotHoldBackAFastOne(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        await kit.QueueOnChannelsAsync(["fast", "slow"], 300);
        var options = DeliveryTestKit.FastOptions();
        options.ClaimBatchSize = 10;
        options.InFlightWindow = 50;
        var channels = new DeliveryOptions
        {
            Channels =
            {
                ["fast"] = Gateway(gateway, "/fast", rate: 0),
                ["slow"] = Gateway(gateway, "/slow", rate: 20),
            },
        };
        await using var store = kit.OpenStore();
        var dispatcher = new DeliveryDispatcher(store, DeliveryChannels.Create(channels, TimeProvider.System), options, TimeProvider.System);
        using var stop = new CancellationTokenSource();

        var watch = Stopwatch.StartNew();
        var run = dispatcher.RunAsync(stop.Token);
        while (Count(gateway, "/fast") < 300 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        var (fast, slow, took) = (Count(gateway, "/fast"), Count(gateway, "/slow"), watch.Elapsed);
        await stop.CancelAsync();
        await run;

        // 300 unlimited sends take well under a second here; the slow gateway (20/s, burst 5) has
        // by then taken a few dozen. Claimed together, every claim waited for the slow gateway's
        // tokens and the fast one went at about the slow one's rate (15 s for its 300).
        Assert.True(fast == 300, $"The fast gateway got {fast} of 300 in {took.TotalSeconds:F1} s (slow: {slow}).");
        Assert.True(took < TimeSpan.FromSeconds(5), $"The fast gateway's 300 took {took.TotalSeconds:F1} s.");
        Assert.True(slow <= 5 + (20 * (took.TotalSeconds + 0.5)), $"The slow gateway got {slow} in {took.TotalSeconds:F1} s.");
        Assert.True(slow < 150, $"The slow gateway got {slow} of 300.");
    }

    private static int Count(HttpTestReceiver gateway, string path) => gateway.Requests.Count(r => r.Path == path);

    private static ChannelOptions Gateway(HttpTestReceiver gateway, string path, double rate) => new()
    {
        Kind = ChannelKind.HttpSms,
        RatePerSecond = rate,
        Burst = 5,
        MaxConcurrentRequests = 16,
        Timeout = TimeSpan.FromSeconds(10),
        Http = new HttpSmsOptions { Url = gateway.Url(path), MaxBatchSize = 1 },
    };
}
