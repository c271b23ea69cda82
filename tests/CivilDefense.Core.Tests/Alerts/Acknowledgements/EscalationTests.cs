using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Acknowledgements;

public sealed class EscalationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Unacknowledged_GoesToTheNextContactAndTheDutyOfficer_EachStepOnce_UntilNoContactIsLeft(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var first = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        var second = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 2);
        var third = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 3);
        var officer = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.Province, 0, dutyOfficer: true);
        await kit.QueueAsync(alert, first);

        kit.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await kit.RunEscalationAsync());
        Assert.Equal([first], await RecipientsAsync(kit, alert));

        kit.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await kit.RunEscalationAsync());
        Assert.Equal(0, await kit.RunEscalationAsync());
        Assert.Equal([first, second, officer], await RecipientsAsync(kit, alert));

        kit.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await kit.RunEscalationAsync());
        Assert.Equal([first, second, third, officer], await RecipientsAsync(kit, alert));

        kit.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(1, await kit.RunEscalationAsync()); // no contact left: recorded, the officer already has it
        kit.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(0, await kit.RunEscalationAsync());

        await using var db = kit.Context();
        var steps = await db.AlertEscalations.OrderBy(e => e.Step).ToListAsync();
        Assert.Equal([(1, (int?)second), (2, third), (3, null)], steps.Select(e => (e.Step, e.NextContactId)));
        Assert.All(steps, e => Assert.Equal(1, e.DutyOfficers));
        Assert.Equal(3, await db.AuditEntries.CountAsync(a => a.Action == "Escalate"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Acknowledged_IsNotEscalated_WhileAnotherOrganisationIs(DatabaseProvider provider)
    {
        await using var kit = await AcknowledgementTestKit.CreateAsync(provider);
        var alert = await kit.IssuedAlertAsync();
        var a1 = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 1);
        var a2 = await kit.ContactAsync(kit.Territory.OrgA, kit.Territory.CommuneA, 2);
        var b1 = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 1);
        var b2 = await kit.ContactAsync(kit.Territory.OrgB, kit.Territory.CommuneB, 2);
        await kit.QueueAsync(alert, a1, b1);
        await using (var db = kit.Context(new Actor("public", Role.Viewer, null, "/none/")))
        {
            Assert.True((await new AcknowledgeAlert(db, kit.Keys).ByLinkAsync(kit.Keys.AcknowledgeToken(alert, a1), default)).IsSuccess);
        }

        kit.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(1, await kit.RunEscalationAsync());

        var recipients = await RecipientsAsync(kit, alert);
        Assert.Contains(b2, recipients);
        Assert.DoesNotContain(a2, recipients);
    }

    [Fact]
    public void Plan_WaitsForTheWindow_AndStopsAfterTheStepWithNoContact()
    {
        var t0 = new DateTime(2026, 10, 14, 0, 0, 0, DateTimeKind.Utc);
        DutyContactRef[] contacts = [new(1, 9, 1), new(2, 9, 2)];
        var start = new OrganizationAlertState(contacts, new HashSet<int> { 1 }, t0, false, 0, null, null);

        Assert.Null(EscalationPlan.Next(start, t0.AddMinutes(14), TimeSpan.FromMinutes(15)));
        Assert.Equal(new EscalationStep(1, 2), EscalationPlan.Next(start, t0.AddMinutes(15), TimeSpan.FromMinutes(15)));
        Assert.Null(EscalationPlan.Next(start with { Acknowledged = true }, t0.AddHours(1), TimeSpan.FromMinutes(15)));
        var afterOne = start with { LastStep = 1, LastStepAt = t0.AddMinutes(15), LastStepContactId = 2 };
        Assert.Equal(new EscalationStep(2, null), EscalationPlan.Next(afterOne, t0.AddMinutes(30), TimeSpan.FromMinutes(15)));
        Assert.Null(EscalationPlan.Next(afterOne with { LastStep = 2, LastStepContactId = null }, t0.AddHours(5), TimeSpan.FromMinutes(15)));
    }

    private static async Task<List<int>> RecipientsAsync(AcknowledgementTestKit kit, int alert)
    {
        await using var db = kit.Context();
        var id = DeliveryIdentities.AlertId(alert);
        var recipients = await db.Deliveries.Where(d => d.AlertId == id).Select(d => d.RecipientId).ToListAsync();
        return recipients.Select(r => DeliveryIdentities.SubscriberId(r)!.Value).Order().ToList();
    }
}
