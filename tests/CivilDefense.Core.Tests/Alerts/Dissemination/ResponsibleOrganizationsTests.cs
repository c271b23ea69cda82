using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

public sealed class ResponsibleOrganizationsTests
{
    [Fact]
    public void FirstContactOfEachOrganisationAtOrAboveTheArea_NotBesideIt_NorOneAlreadyReached()
    {
        DutyContactPlace[] contacts =
        [
            new(1, 10, 2, "/1/"), new(2, 10, 1, "/1/"), // province body: order 1 is subscriber 2
            new(3, 20, 1, "/1/5/"), // the commune in the area
            new(4, 30, 1, "/1/6/"), // another commune
            new(5, 40, 1, "/1/"), new(6, 40, 2, "/1/"), // province body already reached through subscriber 6
            new(7, 50, null, "/1/"), new(8, 50, 3, "/1/"), // no order comes last
        ];

        var chosen = ResponsibleOrganizations.FirstContacts(contacts, ["/1/5/"], new HashSet<int> { 6 });

        Assert.Equal([2, 3, 8], chosen.Order());
        Assert.Empty(ResponsibleOrganizations.FirstContacts(contacts, [], new HashSet<int>()));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task ACommuneAlert_ReachesTheFirstContactOfTheProvincesBodies_TheNextOnlyOnEscalation(DatabaseProvider provider)
    {
        await using var kit = await DisseminationTestKit.CreateAsync(provider);
        var t = kit.Territory;
        var resident = await kit.SubscriberAsync("Vi", t.CommuneA, "vi", phone: "+84901000001", lat: null, lon: null);
        int first, second, officer;
        await using (var db = kit.Database.Context(Actor.System))
        {
            var command = new Organization { UnitId = t.Province.Id, Kind = OrganizationKind.MilitaryCommand, Name = "Bộ CHQS tỉnh" };
            db.Organizations.Add(command);
            await db.SaveChangesAsync();
            Subscriber Contact(string name, int? order, bool isOfficer = false) => new()
            {
                Kind = SubscriberKind.DutyContact,
                Name = name,
                Phone = "+8490200000" + (order ?? 9),
                OrganizationId = command.Id,
                ContactOrder = order,
                IsDutyOfficer = isOfficer,
                UnitId = t.Province.Id,
                Status = SubscriberStatus.Active,
                Origin = SubscriberOrigin.Staff,
                CreatedAt = DateTime.UtcNow,
            };
            var contacts = new[] { Contact("Trực 2", 2), Contact("Trực 1", 1), Contact("Trực ban", 3, isOfficer: true) };
            db.Subscribers.AddRange(contacts);
            await db.SaveChangesAsync();
            (second, first, officer) = (contacts[0].Id, contacts[1].Id, contacts[2].Id);
        }

        var alertId = await kit.IssueAsync(DisseminationTestKit.Input(t.CommuneA));

        var reached = (await kit.DeliveriesAsync(alertId)).Select(d => d.Subscriber).ToList();
        Assert.Equal([resident.Id, first], reached.Order());
        Assert.DoesNotContain(second, reached);
        Assert.DoesNotContain(officer, reached);
    }
}
