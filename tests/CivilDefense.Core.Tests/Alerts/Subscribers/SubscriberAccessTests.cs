using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Alerts.Targeting;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using static CivilDefense.Core.Tests.Alerts.Subscribers.SubscriberTestKit;

namespace CivilDefense.Core.Tests.Alerts.Subscribers;

public sealed class SubscriberAccessTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task PersonalData_IsSeenInScopeByActingRoles_MaskedForViewers_HiddenOutOfScope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var province = database.Context(TestTerritory.ActorAt(t.Province, Role.Officer)))
        {
            await new CreateSubscriber(province).HandleAsync(Resident(t.CommuneA.Id, "Cư dân A"), CancellationToken.None);
            await new CreateSubscriber(province).HandleAsync(Resident(t.CommuneB.Id, "Cư dân B"), CancellationToken.None);
            await new CreateSubscriber(province).HandleAsync(DutyContact(t.OrgA.Id, 1, "Trực UBND A"), CancellationToken.None);
            await new CreateSubscriber(province).HandleAsync(DutyContact(t.OrgA2.Id, 1, "Trực trạm y tế A"), CancellationToken.None);
        }

        await using var officerA = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));
        var seenByOfficer = (await new ListSubscribers(officerA).HandleAsync(new SubscriberFilter(), new PageQuery(), CancellationToken.None)).Items;
        Assert.Equal(["Cư dân A", "Trực UBND A", "Trực trạm y tế A"], seenByOfficer.Select(s => s.Name).Order(StringComparer.Ordinal));
        var resident = seenByOfficer.Single(s => s.Name == "Cư dân A");
        Assert.Equal(("0987 654 321", 11.2, false), (resident.Phone, resident.Latitude, resident.PersonalDataMasked));

        await using var viewerA = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Viewer));
        var masked = (await new ListSubscribers(viewerA).HandleAsync(new SubscriberFilter(Kind: SubscriberKind.Resident), new PageQuery(), CancellationToken.None)).Items.Single();
        Assert.Equal(("•••••••321", "b•••@example.vn", (double?)null, true), (masked.Phone, masked.Email, masked.Latitude, masked.PersonalDataMasked));
        Assert.Empty((await new ListSubscribers(viewerA).HandleAsync(new SubscriberFilter(Search: "0987"), new PageQuery(), CancellationToken.None)).Items);
        Assert.Single((await new ListSubscribers(officerA).HandleAsync(new SubscriberFilter(Search: "0987"), new PageQuery(), CancellationToken.None)).Items);

        // A liaison sees its own organisation's contacts in full and the rest masked.
        await using var liaison = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, t.OrgA.Id));
        var byLiaison = (await new ListSubscribers(liaison).HandleAsync(new SubscriberFilter(Kind: SubscriberKind.DutyContact), new PageQuery(), CancellationToken.None)).Items;
        Assert.False(byLiaison.Single(s => s.OrganizationId == t.OrgA.Id).PersonalDataMasked);
        Assert.True(byLiaison.Single(s => s.OrganizationId == t.OrgA2.Id).PersonalDataMasked);

        // Out of scope: not listed, not found, not changeable.
        await using var officerB = database.Context(TestTerritory.ActorAt(t.CommuneB, Role.Officer));
        Assert.Equal(["Cư dân B"], (await new ListSubscribers(officerB).HandleAsync(new SubscriberFilter(), new PageQuery(), CancellationToken.None)).Items.Select(s => s.Name));
        Assert.IsType<NotFoundError>((await new UpdateSubscriber(officerB).HandleAsync(resident.Id, Resident(t.CommuneB.Id), resident.Version, CancellationToken.None)).Error);
        Assert.IsType<NotFoundError>((await new SetSubscriberActive(officerB).HandleAsync(resident.Id, false, resident.Version, CancellationToken.None)).Error);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Writes_AreDeniedToViewersAndOtherOrganisationsLiaisons_AndAudited(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);

        await using (var viewer = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Viewer)))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => new CreateSubscriber(viewer).HandleAsync(Resident(t.CommuneA.Id), CancellationToken.None));
        }

        await using (var liaison = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, t.OrgA.Id)))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => new CreateSubscriber(liaison).HandleAsync(DutyContact(t.OrgA2.Id, 1), CancellationToken.None));
        }

        await using (var liaison = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, t.OrgA.Id)))
        {
            var own = await new CreateSubscriber(liaison).HandleAsync(DutyContact(t.OrgA.Id, 2), CancellationToken.None);
            Assert.True(own.IsSuccess);
            var changed = await new UpdateSubscriber(liaison).HandleAsync(own.Value!.Id, DutyContact(t.OrgA.Id, 3), own.Value.Version, CancellationToken.None);
            Assert.Equal(3, changed.Value!.ContactOrder);
            Assert.IsType<ConflictError>((await new UpdateSubscriber(liaison).HandleAsync(own.Value.Id, DutyContact(t.OrgA.Id, 1), own.Value.Version, CancellationToken.None)).Error);
            var off = await new SetSubscriberActive(liaison).HandleAsync(own.Value.Id, false, changed.Value.Version, CancellationToken.None);
            Assert.Equal(SubscriberStatus.Deactivated, off.Value!.Status);
        }

        await using var system = database.Context(Actor.System);
        var actions = await system.AuditEntries.Where(a => a.EntityType == nameof(Subscriber)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["Create", "Update", "Update"], actions);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Input_BreakingTheRules_IsRefusedWithTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var officer = database.Context(TestTerritory.ActorAt(t.Province, Role.Officer));
        var create = new CreateSubscriber(officer);

        Assert.Contains(nameof(SubscriberInput.UnitId), (await create.HandleAsync(Resident(t.Province.Id), CancellationToken.None)).Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(SubscriberInput.OrganizationId), (await create.HandleAsync(Resident(t.CommuneA.Id) with { OrganizationId = t.OrgA.Id }, CancellationToken.None)).Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(SubscriberInput.ContactOrder), (await create.HandleAsync(DutyContact(t.OrgA.Id, 4), CancellationToken.None)).Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(SubscriberInput.WebhookUrl), (await create.HandleAsync(DutyContact(t.OrgA.Id, 1) with { WebhookUrl = "file:///etc/passwd" }, CancellationToken.None)).Error!.FieldErrors!.Keys);
        Assert.Contains(nameof(SubscriberInput.Latitude), (await create.HandleAsync(Resident(t.CommuneA.Id) with { Latitude = 106.3, Longitude = 11.2 }, CancellationToken.None)).Error!.FieldErrors!.Keys);
        Assert.IsType<NotFoundError>((await create.HandleAsync(DutyContact(999_999, 1), CancellationToken.None)).Error);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task IndexCache_RebuildsAfterAChange_AndOnlyThen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var cache = new SubscriberIndexCache();
        await using var officer = database.Context(TestTerritory.ActorAt(t.Province, Role.Officer));
        var a = (await new CreateSubscriber(officer).HandleAsync(Resident(t.CommuneA.Id), CancellationToken.None)).Value!;
        var area = AlertArea.Of(circles: [new AreaCircle(new GeoPoint(Lat: 11.2, Lon: 106.3), 1)]);

        Assert.Equal([a.Id], (await cache.CurrentAsync(officer, CancellationToken.None)).Find(area).ToArray());
        await cache.CurrentAsync(officer, CancellationToken.None);
        Assert.Equal(1, cache.Builds);

        await new SetSubscriberActive(officer).HandleAsync(a.Id, false, a.Version, CancellationToken.None);
        Assert.Empty((await cache.CurrentAsync(officer, CancellationToken.None)).Find(area).ToArray());
        Assert.Equal(2, cache.Builds);
    }
}
