using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

public sealed class WarningAlertTests
{
    private static async Task<int> WarningAsync(DisseminationTestKit kit, bool autoIssue = false)
    {
        await using var db = kit.Database.Context(Actor.System);
        var station = new Station { Code = "MOC-HOA-" + Guid.NewGuid().ToString("N")[..6], Name = "Mộc Hóa", Zone = 1, Latitude = 10.75, Longitude = 105.94, UnitId = kit.Territory.CommuneA.Id };
        db.Stations.Add(station);
        await db.SaveChangesAsync();
        var warning = new DraftWarning
        {
            StationId = station.Id,
            UnitId = kit.Territory.CommuneA.Id,
            Hazard = Hazard.Flood,
            Level = 2,
            ExplanationVi = "Mộc Hóa 2,03 m ≥ BĐ3 2,00 m, vùng 1 → cấp 2",
            ExplanationEn = "Moc Hoa 2.03 m ≥ BĐ3 2.00 m, zone 1 → level 2",
            ObservedAt = DateTime.UtcNow.AddMinutes(-5),
            RaisedAt = DateTime.UtcNow,
            AutoIssue = autoIssue,
            Status = autoIssue ? WarningStatus.Ready : WarningStatus.Draft,
        };
        db.DraftWarnings.Add(warning);
        await db.SaveChangesAsync();
        return warning.Id;
    }

    private static PrepareWarningAlert Prepare(DisseminationTestKit kit, PtdsDbContext db) => new(db, kit.Desk(db));

    [Theory, OnSqlite, OnPostgres]
    public async Task PreparingAWarning_MakesOneDraftAlertOfTheProvince_ForTheStationsCommune_InBothLanguages(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var resident = await kit.SubscriberAsync("A", t.CommuneA, "en", phone: "+84901000001");
        var id = await WarningAsync(kit);

        Result<AlertView> first, again, officerA, officerB;
        await using (var db = kit.Database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer)))
        {
            officerA = await Prepare(kit, db).HandleAsync(id, CancellationToken.None);
        }

        await using (var db = kit.Database.Context(TestTerritory.ActorAt(t.CommuneB, Role.Officer)))
        {
            officerB = await Prepare(kit, db).HandleAsync(id, CancellationToken.None);
        }

        await using (var db = kit.Database.Context(kit.Commander))
        {
            first = await Prepare(kit, db).HandleAsync(id, CancellationToken.None);
        }

        await using (var db = kit.Database.Context(kit.Commander))
        {
            again = await Prepare(kit, db).HandleAsync(id, CancellationToken.None);
            await kit.Desk(db).IssueAsync(first.Value!.Id, DisseminationTestKit.PublicBase, CancellationToken.None);
        }

        Assert.IsType<ForbiddenError>(officerA.Error);
        Assert.IsType<NotFoundError>(officerB.Error);
        var alert = first.Value!;
        Assert.Equal((t.Province.Id, PtdsHazard.Flood, 2, AlertState.Draft), (alert.UnitId, alert.Hazard, alert.RiskLevel, alert.State));
        Assert.Equal([t.CommuneA.Code], alert.Areas.Units.Select(u => u.Code));
        Assert.Equal("Mộc Hóa 2,03 m ≥ BĐ3 2,00 m, vùng 1 → cấp 2", alert.Texts["vi-VN"].Description);
        Assert.StartsWith("Flood warning, risk level 2", alert.Texts["en-US"].Headline);
        Assert.Equal(alert.Id, again.Value!.Id);
        await using var check = kit.Database.Context(Actor.System);
        Assert.Equal(1, await check.IssuedAlerts.CountAsync());
        var warning = await check.DraftWarnings.SingleAsync(d => d.Id == id);
        Assert.Equal((alert.Id, WarningStatus.Issued), (warning.AlertId, warning.Status));
        Assert.Equal([(resident.Id, "sms", "en-US", "+84901000001")], await kit.DeliveriesAsync(alert.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AnAutomaticIssueWarning_IsIssuedOnce_AndReachesTheArea(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var resident = await kit.SubscriberAsync("A", kit.Territory.CommuneA, "vi", phone: "+84901000001");
        var manual = await WarningAsync(kit);
        var automatic = await WarningAsync(kit, autoIssue: true);

        IReadOnlyList<IssueAutomaticWarnings.Outcome> first, second;
        await using (var db = kit.Database.Context(Actor.System))
        {
            first = await new IssueAutomaticWarnings(db, Prepare(kit, db), kit.Desk(db)).HandleAsync(DisseminationTestKit.PublicBase, CancellationToken.None);
        }

        await using (var db = kit.Database.Context(Actor.System))
        {
            second = await new IssueAutomaticWarnings(db, Prepare(kit, db), kit.Desk(db)).HandleAsync(DisseminationTestKit.PublicBase, CancellationToken.None);
        }

        var outcome = Assert.Single(first);
        Assert.Equal((automatic, (string?)null), (outcome.WarningId, outcome.Problem));
        Assert.Empty(second);
        await using var check = kit.Database.Context(Actor.System);
        var alert = await check.IssuedAlerts.SingleAsync();
        Assert.Equal((AlertState.Issued, "system"), (alert.State, alert.IssuedBy));
        Assert.Null((await check.DraftWarnings.SingleAsync(d => d.Id == manual)).AlertId);
        Assert.Equal([(resident.Id, "sms", "vi-VN", "+84901000001")], await kit.DeliveriesAsync(alert.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task AConfirmationCode_GoesThroughTheOutbox_AndNotIntoTheAudit(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var phone = await kit.SubscriberAsync("P", kit.Territory.CommuneA, "en", phone: "+84901000001", email: "p@example.vn", status: SubscriberStatus.Pending);
        var mail = await kit.SubscriberAsync("M", kit.Territory.CommuneB, "vi", email: "m@example.vn", status: SubscriberStatus.Pending);

        await using (var db = kit.Database.Context(Actor.System))
        {
            var queue = new QueueConfirmation(db, new QueueDeliveries(db), kit.Channels);
            Assert.Equal("sms", (await queue.HandleAsync(new(phone.Id, "P", phone.Phone, phone.Email, "en", "482913", "tok-1"), DisseminationTestKit.PublicBase, CancellationToken.None)).Value);
            Assert.Equal("email", (await queue.HandleAsync(new(mail.Id, "M", null, mail.Email, "vi", "175302", "tok-2"), DisseminationTestKit.PublicBase, CancellationToken.None)).Value);
            var noChannel = new QueueConfirmation(db, new QueueDeliveries(db), new DeliveryOptions());
            Assert.Null((await noChannel.HandleAsync(new(mail.Id, "M", null, mail.Email, "vi", "999999", "tok-2"), null, CancellationToken.None)).Value);
        }

        await using var check = kit.Database.Context(Actor.System);
        var deliveries = await check.Deliveries.OrderBy(d => d.Address).ToListAsync();
        Assert.Equal([("+84901000001", "sms", "en-US"), ("m@example.vn", "email", "vi-VN")], deliveries.Select(d => (d.Address, d.Channel, d.Language)));
        var messages = await check.DeliveryMessages.OrderBy(m => m.Channel).ToListAsync();
        Assert.Contains("482913", messages.Single(m => m.Channel == "sms").Body);
        Assert.Contains("https://ptds.example.vn/subscribe/unsubscribe?token=tok-1", messages.Single(m => m.Channel == "sms").Body);
        Assert.Contains("175302", messages.Single(m => m.Channel == "email").Body);
        var audit = await check.AuditEntries.Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync();
        Assert.DoesNotContain(audit, a => a.Contains("482913") || a.Contains("175302"));
    }
}
