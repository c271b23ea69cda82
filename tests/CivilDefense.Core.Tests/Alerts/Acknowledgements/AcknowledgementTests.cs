using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery.Channels;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Acknowledgements;

public sealed class AcknowledgementTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Link_ReadingChangesNothing_PostingAcknowledgesOnce(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var contact = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        await kit.QueueAsync(alert, contact);
        var token = kit.Keys.AcknowledgeToken(alert, contact);

        await using var db = kit.Context(SubscriberAnonymous);
        var handler = new AcknowledgeAlert(db, kit.Keys);
        var read = await handler.ReadLinkAsync(token, default);
        Assert.Equal("Lũ cấp 2", read.Value!.Headline);
        Assert.Null(read.Value.AcknowledgedAt);
        Assert.Equal(0, await db.AlertAcknowledgements.IgnoreQueryFilters().CountAsync());

        var first = await handler.ByLinkAsync(token, default);
        kit.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await handler.ByLinkAsync(token, default);

        Assert.False(first.Value!.Repeated);
        Assert.True(second.Value!.Repeated);
        Assert.Equal(first.Value.AcknowledgedAt, second.Value.AcknowledgedAt);
        var row = await db.AlertAcknowledgements.IgnoreQueryFilters().SingleAsync();
        Assert.Equal((AcknowledgementMethod.Link, kit.Territory.OrgA.Id, contact), (row.Method, row.OrganizationId, row.SubscriberId));
        await using var system = kit.Context();
        Assert.Equal(1, await system.AuditEntries.CountAsync(a => a.Action == "Acknowledge"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Link_ForgedOrForAContactTheAlertDidNotReach_IsNotValid(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var reached = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        var other = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 1);
        await kit.QueueAsync(alert, reached);
        await using var db = kit.Context(SubscriberAnonymous);
        var handler = new AcknowledgeAlert(db, kit.Keys);
        var genuine = kit.Keys.AcknowledgeToken(alert, reached);

        Assert.IsType<NotFoundError>((await handler.ByLinkAsync(genuine[..^2] + "AA", default)).Error);
        Assert.IsType<NotFoundError>((await handler.ByLinkAsync($"{alert}-{other}" + genuine[genuine.IndexOf('.')..], default)).Error);
        Assert.IsType<NotFoundError>((await handler.ByLinkAsync(kit.Keys.AcknowledgeToken(alert, other), default)).Error);
        Assert.IsType<NotFoundError>((await handler.ByLinkAsync(null, default)).Error);
        Assert.Equal(0, await db.AlertAcknowledgements.IgnoreQueryFilters().CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Api_OwnOrganisationAcknowledges_AnotherIsRefused_AndTheLinkLaterChangesNothing(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var contactA = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        var contactB = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 1);
        await kit.QueueAsync(alert, contactA, contactB);
        var liaisonOfB = TestTerritory.ActorAt(kit.Territory.CommuneB, Role.AgencyLiaison, kit.Territory.OrgB.Id);
        var liaisonOfA = TestTerritory.ActorAt(kit.Territory.CommuneA, Role.AgencyLiaison, kit.Territory.OrgA.Id);

        await using (var db = kit.Context(liaisonOfB))
        {
            var refused = await new AcknowledgeAlert(db, kit.Keys).ByApiAsync(alert, new AcknowledgementInput(kit.Territory.OrgA.Id), default);
            Assert.True(refused.Error is ForbiddenError or NotFoundError);
        }

        await using (var db = kit.Context(liaisonOfA))
        {
            var done = await new AcknowledgeAlert(db, kit.Keys).ByApiAsync(alert, null, default);
            Assert.Equal(AcknowledgementMethod.Api, done.Value!.Method);
            Assert.Equal(AcknowledgementMethod.Api, (await new AcknowledgeAlert(db, kit.Keys).ByApiAsync(alert, null, default)).Value!.Method);
            Assert.IsType<NotFoundError>((await new AcknowledgeAlert(db, kit.Keys).ByApiAsync(alert + 1, null, default)).Error);
        }

        await using (var db = kit.Context(SubscriberAnonymous))
        {
            var link = await new AcknowledgeAlert(db, kit.Keys).ByLinkAsync(kit.Keys.AcknowledgeToken(alert, contactA), default);
            Assert.True(link.Value!.Repeated);
            Assert.Equal(AcknowledgementMethod.Api, link.Value.Method);
            Assert.Equal(1, await db.AlertAcknowledgements.IgnoreQueryFilters().CountAsync());
        }
    }

    [Fact]
    public void Render_GivesDutyContactsTheirLink_InTheirLanguage_AndResidentsNothing()
    {
        var alert = DeliveryIdentities.AlertId(3);
        var contact = DeliveryIdentities.RecipientId(5, acknowledges: true);
        var sms = new OutgoingMessage(alert, contact, "+84900", "vi-VN", "k", null, "Lũ. https://x/cap/3{ack}");

        var rendered = MessageRendering.Render(sms, (a, r) => $"https://x/ack/{DeliveryIdentities.IssuedAlertId(a)}-{DeliveryIdentities.SubscriberId(r)}");

        Assert.Equal("Lũ. https://x/cap/3 Xác nhận đã nhận: https://x/ack/3-5", rendered.Body);
        var email = sms with { Language = "en-US", Subject = "Flood", Body = "Flood.{ack}" };
        Assert.Equal("Flood.\n\nAcknowledge receipt for your organisation at: https://x/ack/3-5", MessageRendering.Render(email, (_, _) => "https://x/ack/3-5").Body);

        var resident = sms with { RecipientId = DeliveryIdentities.RecipientId(5) };
        Assert.Equal("Lũ. https://x/cap/3", MessageRendering.Render(resident, (_, _) => throw new InvalidOperationException("a resident has no link")).Body);
        var foreign = sms with { RecipientId = Guid.NewGuid() };
        Assert.Equal("Lũ. https://x/cap/3", MessageRendering.Render(foreign, (_, _) => "https://x/ack/never").Body);
        var plain = sms with { Body = "no link" };
        Assert.Same(plain, MessageRendering.Render(plain, (_, _) => throw new InvalidOperationException()));
    }

    [Fact]
    public void Identities_RoundTrip_AndForeignGuidsMapToNothing()
    {
        Assert.Equal(42, DeliveryIdentities.IssuedAlertId(DeliveryIdentities.AlertId(42)));
        Assert.Equal(7, DeliveryIdentities.SubscriberId(DeliveryIdentities.RecipientId(7)));
        Assert.Equal(7, DeliveryIdentities.SubscriberId(DeliveryIdentities.RecipientId(7, acknowledges: true)));
        Assert.True(DeliveryIdentities.Acknowledges(DeliveryIdentities.RecipientId(7, acknowledges: true)));
        Assert.False(DeliveryIdentities.Acknowledges(DeliveryIdentities.RecipientId(7)));
        Assert.NotEqual(DeliveryIdentities.RecipientId(7), DeliveryIdentities.RecipientId(7, acknowledges: true));
        Assert.Null(DeliveryIdentities.SubscriberId(DeliveryIdentities.AlertId(7)));
        Assert.Null(DeliveryIdentities.IssuedAlertId(Guid.NewGuid()));
    }

    private static readonly Actor SubscriberAnonymous = new("public", Role.Viewer, null, "/public-none/");
}
