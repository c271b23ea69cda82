using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

public sealed class DisseminateAlertTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Issue_QueuesEachSubscriberInTheAreaOncePerChannel_InTheirLanguageOrVietnamese(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var vi = await kit.SubscriberAsync("Vi", t.CommuneA, "vi", phone: "+84901000001");
        var en = await kit.SubscriberAsync("En", t.CommuneA, "en", email: "en@example.vn");
        var km = await kit.SubscriberAsync("Km", t.CommuneA, "km", phone: "+84901000003", email: "km@example.vn");
        var duty = await kit.SubscriberAsync("UBND", t.CommuneA, "vi", phone: "+84901000004", webhook: "https://org.example.vn/hook");
        await kit.SubscriberAsync("Pending", t.CommuneA, "vi", phone: "+84901000005", status: SubscriberStatus.Pending);
        await kit.SubscriberAsync("Elsewhere", t.CommuneB, "vi", phone: "+84901000006");

        var alertId = await kit.IssueAsync(DisseminationTestKit.Input(t.CommuneA));

        Assert.Equal(
            [
                (vi.Id, "sms", "vi-VN", "+84901000001"),
                (en.Id, "email", "en-US", "en@example.vn"),
                (km.Id, "email", "vi-VN", "km@example.vn"),
                (km.Id, "sms", "vi-VN", "+84901000003"),
                (duty.Id, "hooks", "vi-VN", "https://org.example.vn/hook"),
                (duty.Id, "sms", "vi-VN", "+84901000004"),
            ],
            await kit.DeliveriesAsync(alertId));
        var messages = await kit.MessagesAsync(alertId);
        Assert.Equal(["email/en-US", "email/vi-VN", "hooks/vi-VN", "sms/vi-VN"], messages.Select(m => m.Channel + "/" + m.Language).Order());
        var sms = messages.Single(m => m.Channel == "sms").Body;
        Assert.StartsWith("Cảnh báo lũ cấp độ 2. Chuẩn bị sơ tán. https://ptds.example.vn/cap/alerts/", sms);
        Assert.True(sms.Length <= AlertMessageBuilder.MaxSmsLength);
        var email = messages.Single(m => m.Channel == "email" && m.Language == "en-US");
        Assert.Equal("Flood warning, risk level 2", email.Subject);
        Assert.Contains("What to do: Be ready to evacuate.", email.Body);
        Assert.Contains("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"", messages.Single(m => m.Channel == "hooks").Body);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task RunningAgain_AddsNothing(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        await kit.SubscriberAsync("Vi", kit.Territory.CommuneA, "vi", phone: "+84901000001", email: "vi@example.vn");
        var alertId = await kit.IssueAsync(DisseminationTestKit.Input(kit.Territory.CommuneA));

        await using var db = kit.Database.Context(kit.Commander);
        var again = await kit.Handler(db).HandleAsync(await db.IssuedAlerts.SingleAsync(a => a.Id == alertId), CancellationToken.None);

        Assert.Equal((1, 0, 2), (again.Value!.Recipients, again.Value.Queued, again.Value.AlreadyQueued));
        Assert.Equal(2, (await kit.DeliveriesAsync(alertId)).Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task UpdateReachesTheNewAreaAndThoseWarnedBefore_CancelReachesEveryoneWarnedWhoIsStillSubscribed(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var a = await kit.SubscriberAsync("A", t.CommuneA, "vi", phone: "+84901000001");
        var leaving = await kit.SubscriberAsync("A2", t.CommuneA, "en", phone: "+84901000002");
        var b = await kit.SubscriberAsync("B", t.CommuneB, "vi", phone: "+84901000003");
        var original = await kit.IssueAsync(DisseminationTestKit.Input(t.CommuneA));

        int update;
        await using (var db = kit.Database.Context(kit.Commander))
        {
            var desk = kit.Desk(db);
            var draft = await desk.DraftUpdateAsync(original, DisseminationTestKit.Input(t.CommuneB), CancellationToken.None);
            update = (await desk.IssueAsync(draft.Value!.Id, DisseminationTestKit.PublicBase, CancellationToken.None)).Value!.Id;
        }

        await using (var db = kit.Database.Context(Actor.System))
        {
            (await db.Subscribers.SingleAsync(s => s.Id == leaving.Id)).Status = SubscriberStatus.Unsubscribed;
            await db.SaveChangesAsync();
        }

        int cancel;
        await using (var db = kit.Database.Context(kit.Commander))
        {
            cancel = (await kit.Desk(db).CancelAsync(update, new(), DisseminationTestKit.PublicBase, CancellationToken.None)).Value!.Id;
        }

        Assert.Equal([a.Id, leaving.Id], (await kit.DeliveriesAsync(original)).Select(d => d.Subscriber));
        Assert.Equal([a.Id, leaving.Id, b.Id], (await kit.DeliveriesAsync(update)).Select(d => d.Subscriber));
        Assert.Equal([a.Id, b.Id], (await kit.DeliveriesAsync(cancel)).Select(d => d.Subscriber));
        Assert.StartsWith("[CẬP NHẬT] ", (await kit.MessagesAsync(update)).Single(m => m.Language == "vi-VN").Body);
        Assert.StartsWith("[HỦY CẢNH BÁO] ", Assert.Single(await kit.MessagesAsync(cancel)).Body);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task CirclesPolygonsAndAProvinceGeocode_ReachWhoIsInside_AndNobodyOutside(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var near = await kit.SubscriberAsync("Near", t.CommuneB, "vi", phone: "+84901000001", lat: 10.50, lon: 106.00);
        var far = await kit.SubscriberAsync("Far", t.CommuneB, "vi", phone: "+84901000002", lat: 11.50, lon: 107.00);
        var inA = await kit.SubscriberAsync("A", t.CommuneA, "vi", phone: "+84901000003");

        var circle = await kit.IssueAsync(DisseminationTestKit.Input() with { Circle = "10.5,106.0 5" });
        var polygon = await kit.IssueAsync(DisseminationTestKit.Input() with { Polygon = "10.4,105.9 10.6,105.9 10.6,106.1 10.4,106.1 10.4,105.9" });
        var province = await kit.IssueAsync(DisseminationTestKit.Input(t.Province));

        Assert.Equal([near.Id], (await kit.DeliveriesAsync(circle)).Select(d => d.Subscriber));
        Assert.Equal([near.Id], (await kit.DeliveriesAsync(polygon)).Select(d => d.Subscriber));
        Assert.Equal([near.Id, far.Id, inA.Id], (await kit.DeliveriesAsync(province)).Select(d => d.Subscriber));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ACommuneOfficerOrAViewer_CannotIssueForTheProvince_NorQueue(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        await kit.SubscriberAsync("A", t.CommuneA, "vi", phone: "+84901000001");
        int draftId;
        await using (var db = kit.Database.Context(kit.Commander))
        {
            draftId = (await kit.Desk(db).CreateDraftAsync(DisseminationTestKit.Input(t.CommuneA) with { UnitId = t.Province.Id }, CancellationToken.None)).Value!.Id;
        }

        foreach (var actor in new[] { TestTerritory.ActorAt(t.CommuneA, Role.Officer), TestTerritory.ActorAt(t.Province, Role.Viewer) })
        {
            await using var db = kit.Database.Context(actor);
            var desk = kit.Desk(db);
            var created = await desk.CreateDraftAsync(DisseminationTestKit.Input(t.CommuneA) with { UnitId = t.Province.Id }, CancellationToken.None);
            var issued = await desk.IssueAsync(draftId, DisseminationTestKit.PublicBase, CancellationToken.None);
            var queued = await new Core.Alerts.Delivery.QueueDeliveries(db).HandleAsync(new(Guid.NewGuid(), t.Province.Id, [new("sms", "vi-VN", null, "x")], [new(Guid.NewGuid(), "sms", "+84901000001", "vi-VN", null)]));

            Assert.IsType<ForbiddenError>(created.Error);
            Assert.IsType<ForbiddenError>(issued.Error);
            Assert.IsType(actor.Role == Role.Officer ? typeof(NotFoundError) : typeof(ForbiddenError), queued.Error);
        }

        await using var check = kit.Database.Context(Actor.System);
        Assert.Equal(0, await check.Deliveries.CountAsync());
    }
}
