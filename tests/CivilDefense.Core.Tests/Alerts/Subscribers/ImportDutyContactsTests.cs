using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Subscribers;

public sealed class ImportDutyContactsTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Import_AnyBadRow_WritesNothingAndNamesLineAndField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var csv = $"""
            organization_id,name,contact_order,phone,email,webhook_url,language,duty_officer
            {t.OrgA.Id},Trực ban 1,1,0276 3822 123,,,vi,yes
            {t.OrgA.Id},Trực ban 2,5,0276 3822 124,,,vi,no
            {t.OrgA.Id},Trực ban 3,3,,not-an-email,,vi,no
            {t.OrgB.Id},Ngoài phạm vi,1,0276 1111 111,,,vi,no
            {t.OrgA2.Id},Trùng,1,0276 2222 222,,,xx,maybe
            {t.OrgA.Id},Trực ban 1 lần nữa,1,0276 3822 125,,,vi,no
            """;

        var report = await new ImportDutyContacts(officer).HandleAsync(new StringReader(csv), CancellationToken.None);

        Assert.False(report.IsSuccess);
        Assert.Contains(report.Errors, e => (e.Line, e.Field) == (3, "contact_order"));
        Assert.Contains(report.Errors, e => (e.Line, e.Field) == (4, "email"));
        Assert.Contains(report.Errors, e => (e.Line, e.Field) == (5, "organization_id"));
        Assert.Contains(report.Errors, e => (e.Line, e.Field) == (6, "duty_officer"));
        Assert.Contains(report.Errors, e => (e.Line, e.Field) == (7, "contact_order"));
        Assert.Equal(0, await officer.Subscribers.IgnoreQueryFilters().CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Import_GoodFile_CreatesThenUpdatesByOrganisationAndOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer)))
        {
            var first = await new ImportDutyContacts(officer).HandleAsync(new StringReader($"""
                organization_id,name,contact_order,phone,duty_officer
                {t.OrgA.Id},Trực ban 1,1,0276 3822 123,yes
                {t.OrgA.Id},Trực ban 2,2,0276 3822 124,no
                """), CancellationToken.None);
            Assert.Equal((2, 0), (first.Created, first.Updated));
        }

        await using (var officer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer)))
        {
            var second = await new ImportDutyContacts(officer).HandleAsync(new StringReader($"""
                organization_id,name,contact_order,phone,webhook_url
                {t.OrgA.Id},Người mới,1,0276 9999 999,https://ubnd-a.example.vn/hook
                """), CancellationToken.None);
            Assert.Equal((0, 1), (second.Created, second.Updated));
        }

        await using var system = database.Context(Actor.System);
        var contacts = await system.Subscribers.OrderBy(s => s.ContactOrder).ToListAsync();
        Assert.Equal(["Người mới", "Trực ban 2"], contacts.Select(c => c.Name));
        Assert.All(contacts, c => Assert.Equal((SubscriberStatus.Active, t.CommuneA.Id, SubscriberKind.DutyContact), (c.Status, c.UnitId, c.Kind)));
        Assert.False(contacts[0].IsDutyOfficer);
        Assert.Equal(3, await system.AuditEntries.CountAsync(a => a.EntityType == nameof(Subscriber)));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Import_ByLiaison_OnlyItsOwnOrganisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var liaison = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, t.OrgA.Id));

        var report = await new ImportDutyContacts(liaison).HandleAsync(new StringReader($"""
            organization_id,name,contact_order,phone
            {t.OrgA.Id},Của mình,1,0276 3822 123
            {t.OrgA2.Id},Của người khác,1,0276 3822 124
            """), CancellationToken.None);

        Assert.Equal([(3, "organization_id")], report.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(0, await liaison.Subscribers.IgnoreQueryFilters().CountAsync());
    }
}
