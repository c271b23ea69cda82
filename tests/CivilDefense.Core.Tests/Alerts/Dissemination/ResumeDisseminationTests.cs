using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

public sealed class ResumeDisseminationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task AnAlertPublishedButNeverQueued_IsQueuedAfterTheGrace_Once(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var resident = await kit.SubscriberAsync("Vi", kit.Territory.CommuneA, "vi", phone: "+84901000001");
        int alertId;

        // Published by a desk whose queueing never ran: the process died between the two.
        await using (var db = kit.Database.Context(kit.Commander))
        {
            var desk = new AlertDesk(db, new AlertsOptions { Sender = "ptds@test.gov.vn" }, []);
            var draft = await desk.CreateDraftAsync(DisseminationTestKit.Input(kit.Territory.CommuneA) with { UnitId = kit.Territory.Province.Id }, CancellationToken.None);
            alertId = (await desk.IssueAsync(draft.Value!.Id, DisseminationTestKit.PublicBase, CancellationToken.None)).Value!.Id;
        }

        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using (var db = kit.Database.Context(Actor.System, clock))
        {
            Assert.Empty(await new ResumeDissemination(db, kit.Handler(db)).RunAsync(CancellationToken.None)); // within the grace
            clock.Advance(ResumeDissemination.Grace + TimeSpan.FromSeconds(1));
            var resumed = Assert.Single(await new ResumeDissemination(db, kit.Handler(db)).RunAsync(CancellationToken.None));
            Assert.Equal((alertId, 1, (string?)null), (resumed.IssuedAlertId, resumed.Report?.Queued, resumed.Problem));
            Assert.Empty(await new ResumeDissemination(db, kit.Handler(db)).RunAsync(CancellationToken.None));
            Assert.NotNull((await db.IssuedAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId)).DeliveriesQueuedAt);
        }

        Assert.Equal([(resident.Id, "sms")], (await kit.DeliveriesAsync(alertId)).Select(d => (d.Subscriber, d.Channel)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AnAlertQueuedAtIssue_IsMarked_AndNotResumed(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        await kit.SubscriberAsync("Vi", kit.Territory.CommuneA, "vi", phone: "+84901000001");
        var alertId = await kit.IssueAsync(DisseminationTestKit.Input(kit.Territory.CommuneA));

        var clock = new ManualClock(DateTimeOffset.UtcNow + ResumeDissemination.Grace + TimeSpan.FromMinutes(1));
        await using var db = kit.Database.Context(Actor.System, clock);
        Assert.NotNull((await db.IssuedAlerts.AsNoTracking().SingleAsync(a => a.Id == alertId)).DeliveriesQueuedAt);
        Assert.Empty(await new ResumeDissemination(db, kit.Handler(db)).RunAsync(CancellationToken.None));
    }
}
