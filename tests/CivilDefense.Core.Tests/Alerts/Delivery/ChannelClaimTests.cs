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

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_AChannelNoOneConfigured_IsStillClaimedAndFailed_BesideAConfiguredOne(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        var alertId = await kit.QueueOnChannelsAsync(["pager", "sms"], 40);

        var counters = await kit.DrainAsync(DeliveryTestKit.FastOptions(maxAttempts: 2), DeliveryTestKit.SmsGateway(gateway));

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows.Where(d => d.Channel == "sms"), d => Assert.Equal((DeliveryState.Sent, 1), (d.State, d.Attempts)));
        Assert.All(rows.Where(d => d.Channel == "pager"), d => Assert.Equal((DeliveryState.Dead, 2, "Channel 'pager' is not configured."), (d.State, d.Attempts, d.LastError)));
        Assert.Equal((40, 40, 40), (counters.Sent, counters.Retried, counters.Dead));
        Assert.Equal(40, gateway.Requests.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_OfOneChannel_TakesOnlyItsRowsInKeyOrder_AndLeavesTheOthersQueued(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var alertId = await kit.QueueOnChannelsAsync(["a", "b", "c"], 20);
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;

        var first = await store.ClaimAsync("w", 5, now, now.AddMinutes(1), ClaimFilter.Channel("b"), CancellationToken.None);
        var rest = await store.ClaimAsync("w", 100, now, now.AddMinutes(1), ClaimFilter.Channel("b"), CancellationToken.None);
        var none = await store.ClaimAsync("w", 100, now, now.AddMinutes(1), ClaimFilter.Channel("b"), CancellationToken.None);

        Assert.Equal((5, 15, 0), (first.Count, rest.Count, none.Count));
        Assert.All(first.Concat(rest), c => Assert.Equal("b", c.Channel));
        Assert.Equal(Recipients(20), first.Concat(rest).Select(c => c.RecipientId));
        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d => Assert.Equal(d.Channel == "b" ? DeliveryState.Sending : DeliveryState.Queued, d.State));

        // Another channel's cursor starts at the beginning, not where b's stopped.
        var a = await store.ClaimAsync("w", 3, now, now.AddMinutes(1), ClaimFilter.Channel("a"), CancellationToken.None);
        Assert.Equal(Recipients(3), a.Select(c => c.RecipientId));
        Assert.All(a, c => Assert.Equal("a", c.Channel));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_OfAllButSomeChannels_TakesOnlyTheOthers_InKeyOrder(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var alertId = await kit.QueueOnChannelsAsync(["a", "b", "c", "d"], 10);
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;
        var others = ClaimFilter.AllBut(["b", "a", "b"]);

        var claimed = await store.ClaimAsync("w", 100, now, now.AddMinutes(1), others, CancellationToken.None);

        Assert.Equal(20, claimed.Count);
        Assert.Equal(Recipients(10).SelectMany(r => new[] { (r, "c"), (r, "d") }), claimed.Select(c => (c.RecipientId, c.Channel)));
        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d => Assert.Equal(d.Channel is "c" or "d" ? DeliveryState.Sending : DeliveryState.Queued, d.State));
        Assert.Empty(await store.ClaimAsync("w", 100, now, now.AddMinutes(1), others, CancellationToken.None));
        Assert.Equal(20, (await store.ClaimAsync("w", 100, now, now.AddMinutes(1), CancellationToken.None)).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_OfOneChannel_TakesOnlyItsRetriesAndExpiredLeases(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await kit.QueueOnChannelsAsync(["a", "b"], 3);
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;
        var a = await store.ClaimAsync("w", 10, now, now.AddMinutes(1), ClaimFilter.Channel("a"), CancellationToken.None);
        var b = await store.ClaimAsync("w", 10, now, now.AddMinutes(1), ClaimFilter.Channel("b"), CancellationToken.None);
        Assert.Equal((3, 3), (a.Count, b.Count));

        // One of a's is waiting for a retry, the rest of both are left under leases that run out.
        await store.RecordAsync("w", [new DeliveryOutcome(a[0].Key, DeliveryState.Retried, now, "HTTP 503")], now, CancellationToken.None);
        var later = now.AddMinutes(2);

        var againB = await store.ClaimAsync("x", 10, later, later.AddMinutes(1), ClaimFilter.Channel("b"), CancellationToken.None);
        var againA = await store.ClaimAsync("x", 10, later, later.AddMinutes(1), ClaimFilter.Channel("a"), CancellationToken.None);

        Assert.Equal(b.Select(c => (c.RecipientId, c.Channel)).Order(), againB.Select(c => (c.RecipientId, c.Channel)).Order());
        Assert.Equal(a.Select(c => (c.RecipientId, c.Channel)).Order(), againA.Select(c => (c.RecipientId, c.Channel)).Order());
        Assert.All(againA.Concat(againB), c => Assert.Equal(2, c.Attempts));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_OfAllButSomeChannels_SweepsForExpiredLeasesOnlyOnceALease(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await kit.QueueOnChannelsAsync(["a", "x"], 2);
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;
        var others = ClaimFilter.AllBut(["a"]);
        Assert.Equal(2, (await store.ClaimAsync("dead", 10, now, now.AddMinutes(1), others, CancellationToken.None)).Count);

        // Expired a second later, but a sweep read the alert at the first claim: the next is a lease (10 minutes) after it.
        var early = await store.ClaimAsync("w", 10, now.AddSeconds(61), now.AddSeconds(61).AddMinutes(10), others, CancellationToken.None);
        var late = await store.ClaimAsync("w", 10, now.AddMinutes(11), now.AddMinutes(21), others, CancellationToken.None);

        Assert.Empty(early);
        Assert.Equal(["x", "x"], late.Select(c => c.Channel));
    }

    [Fact]
    public void Plan_GivesEachChannelItsOwnPart_AndNeverMoreThanTheWindow()
    {
        foreach (var (window, batch, concurrency, channels) in new[] { (20_000, 5000, 2, 2), (4000, 1000, 2, 2), (50, 10, 2, 2), (200, 50, 2, 1), (7, 5, 4, 3), (4, 4, 2, 3), (2, 2, 2, 3) })
        {
            var options = new DispatcherOptions { InFlightWindow = window, ClaimBatchSize = batch, Concurrency = concurrency };
            var names = Enumerable.Range(0, channels).Select(i => $"ch{i}").ToList();

            var plan = ClaimPlan.For(names.ToDictionary(n => n, _ => 1), options);

            Assert.True(plan.Sum(s => s.Places) <= window, $"{window}/{channels}: {plan.Sum(s => s.Places)} places.");
            Assert.All(plan, s => Assert.True(s.Loops >= 1 && s.ClaimBatch >= 1 && s.ClaimBatch <= s.Places, $"{window}/{channels}: {s}"));
            Assert.All(plan.Where(s => s.Filter.Only is not null), s => Assert.True(s.Loops * s.ClaimBatch <= s.Places, $"{window}/{channels}: {s}"));
            Assert.All(names, n => Assert.Single(plan, s => s.Filter.Admits(n)));
            Assert.Single(plan, s => s.Filter.Admits("unconfigured"));
        }

        var single = Assert.Single(ClaimPlan.For(new Dictionary<string, int>(), new DispatcherOptions { InFlightWindow = 4000, ClaimBatchSize = 1000, Concurrency = 2 }));
        Assert.Equal((ClaimFilter.All, 4000, 2, 1000), (single.Filter, single.Places, single.Loops, single.ClaimBatch));

        // Claims of whole gateway requests: 20,000 places, 2 channels → 9,792 each → 2,448 a claim → 2,000 for requests of 500.
        var batched = ClaimPlan.For(new Dictionary<string, int> { ["a"] = 500, ["b"] = 1 }, new DispatcherOptions { InFlightWindow = 20_000, ClaimBatchSize = 5000, Concurrency = 2 });
        Assert.Equal([2000, 2448, 416], batched.Select(s => s.ClaimBatch));
    }

    private static IEnumerable<Guid> Recipients(int count) => Enumerable.Range(1, count).Select(i => new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]));

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
