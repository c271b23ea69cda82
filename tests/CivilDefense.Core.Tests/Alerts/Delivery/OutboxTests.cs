using System.Collections.Concurrent;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

public sealed class OutboxTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Queue_WritesQueuedRowsWithStableKeys_AndOneAuditEntry(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);

        var alertId = await kit.QueueAsync("sms", 300, i => $"+8490{i:D7}");

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.Equal(300, rows.Count);
        Assert.All(rows, d =>
        {
            Assert.Equal(DeliveryState.Queued, d.State);
            Assert.Equal(0, d.Attempts);
            Assert.Equal(kit.Territory.CommuneA.Id, d.UnitId);
            Assert.Equal(DeliveryKeys.IdempotencyKey(alertId, d.RecipientId, "sms"), d.IdempotencyKey);
            Assert.Null(d.SentAt);
        });
        Assert.Equal(300, rows.Select(d => d.IdempotencyKey).Distinct().Count());

        await using var db = kit.Database.Context(Actor.System);
        Assert.Equal(2, await db.DeliveryMessages.CountAsync(m => m.AlertId == alertId));
        var audit = await db.AuditEntries.Where(a => a.EntityType == "Delivery").ToListAsync();
        var entry = Assert.Single(audit);
        Assert.Equal("Queue", entry.Action);
        Assert.Equal(alertId.ToString(), entry.EntityId);
        Assert.Equal(300, JsonDocument.Parse(entry.After!).RootElement.GetProperty("Queued").GetInt32());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Queue_RunAgainAfterACrash_AddsOnlyTheMissingDeliveries(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var recipients = Enumerable.Range(0, 10).Select(i => new DeliveryRequest(Guid.NewGuid(), "sms", $"+84{i}", "vi-VN", null)).ToList();
        var alertId = Guid.NewGuid();
        AlertMessage[] messages = [new("sms", "vi-VN", null, "Cảnh báo")];
        await using var db = kit.Database.Context(Actor.System);
        var handler = new QueueDeliveries(db);

        var first = await handler.HandleAsync(new(alertId, kit.Territory.Province.Id, messages, recipients.Take(4).ToList()));
        var second = await handler.HandleAsync(new(alertId, kit.Territory.Province.Id, messages, [.. recipients, recipients[0]]));

        Assert.Equal(4, first.Value!.Queued);
        Assert.Equal(6, second.Value!.Queued);
        Assert.Equal(4, second.Value.AlreadyQueued);
        Assert.Equal(10, (await kit.DeliveriesAsync(alertId)).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Queue_OutsideScopeOrWithoutMessage_IsRefused(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var officerOfB = TestTerritory.ActorAt(kit.Territory.CommuneB, Role.Officer);
        var viewerOfA = TestTerritory.ActorAt(kit.Territory.CommuneA, Role.Viewer);
        DeliveryRequest[] one = [new(Guid.NewGuid(), "sms", "+84900", "vi-VN", null)];
        AlertMessage[] sms = [new("sms", "vi-VN", null, "Cảnh báo")];

        await using (var db = kit.Database.Context(officerOfB))
        {
            var result = await new QueueDeliveries(db).HandleAsync(new(Guid.NewGuid(), kit.Territory.CommuneA.Id, sms, one));
            Assert.IsType<CivilDefense.Core.Common.NotFoundError>(result.Error);
        }

        await using (var db = kit.Database.Context(viewerOfA))
        {
            var result = await new QueueDeliveries(db).HandleAsync(new(Guid.NewGuid(), kit.Territory.CommuneA.Id, sms, one));
            Assert.IsType<CivilDefense.Core.Common.ForbiddenError>(result.Error);
        }

        await using (var db = kit.Database.Context(Actor.System))
        {
            var result = await new QueueDeliveries(db).HandleAsync(new(Guid.NewGuid(), kit.Territory.CommuneA.Id, [new("email", "vi-VN", "S", "B")], one));
            Assert.IsType<CivilDefense.Core.Common.ValidationError>(result.Error);
        }

        await using var check = kit.Database.Context(Actor.System);
        Assert.Equal(0, await check.Deliveries.CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_SendsEveryDeliveryOnce_AndMarksItSent(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        var alertId = await kit.QueueAsync("sms", 120, i => $"+8491{i:D7}", language: "en-US");

        var counters = await kit.DrainAsync(DeliveryTestKit.FastOptions(), DeliveryTestKit.SmsGateway(gateway));

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d =>
        {
            Assert.Equal(DeliveryState.Sent, d.State);
            Assert.Equal(1, d.Attempts);
            Assert.NotNull(d.SentAt);
            Assert.Null(d.LeaseOwner);
        });
        Assert.Equal(120, counters.Sent);
        var requests = gateway.Requests.ToList();
        Assert.Equal(120, requests.Count);
        Assert.All(requests, r => Assert.Equal("Bearer test-token", r.Header("Authorization")));
        var bodies = requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal(rows.Select(d => d.IdempotencyKey).Order(), bodies.Select(b => b.GetProperty("idempotencyKey").GetString()).Order());
        Assert.All(bodies, b => Assert.StartsWith("Flood warning level 2", b.GetProperty("text").GetString()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_TransientFailures_AreRetriedWithBackoffThenSent(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        var seen = new ConcurrentDictionary<string, int>();
        gateway.Respond = (_, request) =>
        {
            var key = request.Header("Idempotency-Key")!;
            return (seen.AddOrUpdate(key, 1, (_, n) => n + 1) <= 2 ? 503 : 200, TimeSpan.Zero);
        };
        var alertId = await kit.QueueAsync("sms", 20, i => $"+8492{i:D7}");

        var counters = await kit.DrainAsync(DeliveryTestKit.FastOptions(maxAttempts: 4), DeliveryTestKit.SmsGateway(gateway));

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d =>
        {
            Assert.Equal(DeliveryState.Sent, d.State);
            Assert.Equal(3, d.Attempts);
            Assert.Null(d.LastError);
        });
        Assert.Equal(40, counters.Retried);
        Assert.All(seen.Values, n => Assert.Equal(3, n));

        // The backoff spaced the attempts: the third came at least base/2 + 2·base/2 after the first.
        foreach (var attempts in gateway.Requests.GroupBy(r => r.Header("Idempotency-Key")))
        {
            var times = attempts.Select(r => r.At).Order().ToList();
            Assert.True(times[2] - times[0] >= TimeSpan.FromMilliseconds(25), $"Retries too close: {times[2] - times[0]}");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_AlwaysTransient_IsDeadAfterMaxAttempts_AndRejectedIsFailed(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        gateway.Respond = (_, request) => (request.Text.Contains("+8400", StringComparison.Ordinal) ? 400 : 502, TimeSpan.Zero);
        var alertId = await kit.QueueAsync("sms", 10, i => i < 3 ? $"+8400{i}" : $"+8499{i}");

        var counters = await kit.DrainAsync(DeliveryTestKit.FastOptions(maxAttempts: 3), DeliveryTestKit.SmsGateway(gateway));

        var rows = await kit.DeliveriesAsync(alertId);
        var failed = rows.Where(d => d.Address.StartsWith("+8400", StringComparison.Ordinal)).ToList();
        var dead = rows.Except(failed).ToList();
        Assert.All(failed, d => Assert.Equal((DeliveryState.Failed, 1, "HTTP 400"), (d.State, d.Attempts, d.LastError)));
        Assert.All(dead, d => Assert.Equal((DeliveryState.Dead, 3, "HTTP 502"), (d.State, d.Attempts, d.LastError)));
        Assert.Equal((3, 7), (counters.Failed, counters.Dead));
        Assert.Equal(3 + (7 * 3), gateway.Requests.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_AfterACrashedClaim_ResumesTheSendingRowsOnceTheLeaseExpires(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        var alertId = await kit.QueueAsync("sms", 30, i => $"+8493{i:D7}");

        // A dispatcher claims 10 rows and dies without a word: they are left sending under its lease.
        await using (var crashed = kit.OpenStore())
        {
            var now = DateTime.UtcNow;
            var claimed = await crashed.ClaimAsync("crashed-worker", 10, now, now.AddMilliseconds(500), CancellationToken.None);
            Assert.Equal(10, claimed.Count);
        }

        var held = (await kit.DeliveriesAsync(alertId)).Where(d => d.State == DeliveryState.Sending).ToList();
        Assert.Equal(10, held.Count);
        Assert.All(held, d => Assert.Equal("crashed-worker", d.LeaseOwner));

        await kit.DrainAsync(DeliveryTestKit.FastOptions(), DeliveryTestKit.SmsGateway(gateway));

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.All(rows.Where(d => held.Any(h => h.Key == d.Key)), d => Assert.Equal(2, d.Attempts));
        Assert.Equal(30, gateway.Requests.Count);

        // The abandoned rows were sent only after their lease ran out.
        var heldKeys = held.Select(h => h.IdempotencyKey).ToHashSet();
        Assert.All(gateway.Requests.Where(r => heldKeys.Contains(r.Header("Idempotency-Key")!)), r => Assert.True(r.At >= held[0].LeaseExpiresAt!.Value.AddMilliseconds(-50)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_TakesOnlyDueRows_AndALateFailureDoesNotUndoAnotherOwnersSend(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var alertId = await kit.QueueAsync("sms", 5, i => $"+8494{i}");
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;

        var first = await store.ClaimAsync("a", 3, now, now.AddMinutes(1), CancellationToken.None);
        var second = await store.ClaimAsync("b", 10, now, now.AddMinutes(1), CancellationToken.None);
        var none = await store.ClaimAsync("c", 10, now, now.AddMinutes(1), CancellationToken.None);
        var afterLease = await store.ClaimAsync("d", 10, now.AddMinutes(2), now.AddMinutes(3), CancellationToken.None);

        Assert.Equal((3, 2, 0, 5), (first.Count, second.Count, none.Count, afterLease.Count));
        Assert.Empty(first.Select(c => c.Key).Intersect(second.Select(c => c.Key)));

        // "a" lost its lease to "d"; d's send is recorded, a's late failure must not overwrite it.
        var row = first[0].Key;
        await store.RecordAsync("d", [new DeliveryOutcome(row, DeliveryState.Sent)], now, CancellationToken.None);
        await store.RecordAsync("a", [new DeliveryOutcome(row, DeliveryState.Retried, now.AddMinutes(5), "HTTP 503")], now, CancellationToken.None);

        var saved = (await kit.DeliveriesAsync(alertId)).Single(d => d.Key == row);
        Assert.Equal((DeliveryState.Sent, 2), (saved.State, saved.Attempts));
        Assert.Equal(4, (await kit.DeliveriesAsync(alertId)).Count(d => d.State is DeliveryState.Queued or DeliveryState.Sending or DeliveryState.Retried));
        Assert.True(await store.HasUnfinishedAsync(CancellationToken.None));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deliveries_AreReadOnlyWhereTheRecipientsCommuneLies(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var alertId = await kit.QueueAsync("sms", 4, i => $"+8498{i}");

        await using var inA = kit.Database.Context(TestTerritory.ActorAt(kit.Territory.CommuneA, Role.Viewer));
        await using var inB = kit.Database.Context(TestTerritory.ActorAt(kit.Territory.CommuneB, Role.Officer));
        await using var province = kit.Database.Context(TestTerritory.ActorAt(kit.Territory.Province, Role.Commander));

        Assert.Equal(4, await inA.Deliveries.CountAsync(d => d.AlertId == alertId));
        Assert.Equal(0, await inB.Deliveries.CountAsync(d => d.AlertId == alertId));
        Assert.Equal(4, await province.Deliveries.CountAsync(d => d.AlertId == alertId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Claim_FindsQueuedRowsBehindItsCursor_AfterAnotherClaimOfThemWasUndone(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var alertId = await kit.QueueAsync("sms", 5, i => $"+8495{i}");
        await using var store = kit.OpenStore();
        var now = DateTime.UtcNow;
        Assert.Equal(5, (await store.ClaimAsync("a", 10, now, now.AddMinutes(1), CancellationToken.None)).Count);

        // As if that claim had been rolled back (a worker that died inside it): queued again, behind the cursor.
        await kit.Database.ExecuteSqlAsync("UPDATE deliveries SET \"State\" = 'Queued', \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL");

        var first = await store.ClaimAsync("a", 10, now.AddSeconds(1), now.AddMinutes(1), CancellationToken.None);
        var again = await store.ClaimAsync("a", 10, now.AddSeconds(2), now.AddMinutes(1), CancellationToken.None);

        Assert.Equal(5, first.Count + again.Count);
        Assert.All(await kit.DeliveriesAsync(alertId), d => Assert.Equal(DeliveryState.Sending, d.State));
    }
}
