using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>A migrated database with a territory, and shortcuts to queue an alert and run a dispatcher on it.</summary>
public sealed class DeliveryTestKit : IAsyncDisposable
{
    private DeliveryTestKit(TestDatabase database, TestTerritory territory)
    {
        Database = database;
        Territory = territory;
    }

    public TestDatabase Database { get; }

    public TestTerritory Territory { get; }

    public static async Task<DeliveryTestKit> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new DeliveryTestKit(database, await TestTerritory.SeedAsync(database));
    }

    /// <summary>Fast retries, short polls: a test waits milliseconds, not minutes.</summary>
    public static DispatcherOptions FastOptions(int maxAttempts = 4) => new()
    {
        ClaimBatchSize = 50,
        InFlightWindow = 200,
        Lease = TimeSpan.FromSeconds(30),
        MaxAttempts = maxAttempts,
        BackoffBase = TimeSpan.FromMilliseconds(20),
        BackoffMax = TimeSpan.FromMilliseconds(100),
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    /// <summary>Queues <paramref name="count"/> recipients on one channel; returns the alert id.</summary>
    public async Task<Guid> QueueAsync(string channel, int count, Func<int, string> address, string language = "vi-VN")
    {
        var alertId = Guid.NewGuid();
        var recipients = Enumerable.Range(0, count)
            .Select(i => new DeliveryRequest(Guid.NewGuid(), channel, address(i), language, Territory.CommuneA.Id))
            .ToList();
        AlertMessage[] messages =
        [
            new(channel, "vi-VN", "Cảnh báo lũ cấp 2", "Cảnh báo lũ cấp 2 tại xã A: \"di dời\" ngay."),
            new(channel, "en-US", "Flood warning level 2", "Flood warning level 2 in commune A: evacuate now."),
        ];
        await using var db = Database.Context(Actor.System);
        var result = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(alertId, Territory.Province.Id, messages, recipients));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return alertId;
    }

    /// <summary>Queues <paramref name="count"/> recipients, each on every one of <paramref name="channels"/>; returns the alert id.</summary>
    public async Task<Guid> QueueOnChannelsAsync(IReadOnlyList<string> channels, int count)
    {
        var alertId = Guid.NewGuid();
        var recipients = Enumerable.Range(0, count)
            .SelectMany(i => channels.Select(channel => (Id: new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0]), Channel: channel, Address: $"+8490{i:D7}")))
            .Select(r => new DeliveryRequest(r.Id, r.Channel, r.Address, "vi-VN", Territory.CommuneA.Id))
            .ToList();
        var messages = channels.Select(channel => new AlertMessage(channel, "vi-VN", "Cảnh báo lũ", "Cảnh báo lũ cấp 2 tại xã A.")).ToArray();
        await using var db = Database.Context(Actor.System);
        var result = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(alertId, Territory.Province.Id, messages, recipients));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return alertId;
    }

    public IOutboxStore OpenStore() => OutboxStores.Open(Database.Options);

    public async Task<List<Core.Alerts.Delivery.Delivery>> DeliveriesAsync(Guid alertId)
    {
        await using var db = Database.Context(Actor.System);
        return await db.Deliveries.Where(d => d.AlertId == alertId).OrderBy(d => d.QueuedAt).ThenBy(d => d.RecipientId).ToListAsync();
    }

    /// <summary>Runs a dispatcher with these channels until nothing is left, within a minute.</summary>
    public async Task<DispatchCounters> DrainAsync(DispatcherOptions options, DeliveryOptions channels, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        await using var store = OpenStore();
        var dispatcher = new DeliveryDispatcher(store, DeliveryChannels.Create(channels, clock), options, clock);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await dispatcher.DrainAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "The dispatcher did not finish within a minute.");
        return dispatcher.Counters;
    }

    public static DeliveryOptions SmsGateway(HttpTestReceiver gateway, int maxBatchSize = 1, double rate = 0, int burst = 100) => new()
    {
        Channels =
        {
            ["sms"] = new ChannelOptions
            {
                Kind = ChannelKind.HttpSms,
                RatePerSecond = rate,
                Burst = burst,
                MaxConcurrentRequests = 16,
                Timeout = TimeSpan.FromSeconds(10),
                Http = new HttpSmsOptions
                {
                    Url = gateway.Url("/send"),
                    BatchUrl = maxBatchSize > 1 ? gateway.Url("/batch") : null,
                    MaxBatchSize = maxBatchSize,
                    AuthHeader = "Authorization",
                    AuthValue = "Bearer test-token",
                },
            },
        },
    };

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
