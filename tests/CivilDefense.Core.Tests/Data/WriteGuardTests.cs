using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Data;

public sealed class WriteGuardTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Officer_cannot_write_territory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Officer));

        var unit = await db.Units.SingleAsync(u => u.Id == t.CommuneA.Id);
        unit.Name = "Renamed";

        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        await AssertUnchangedAsync(database);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Viewer_cannot_write_anything(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var viewer = TestTerritory.ActorAt(t.Province, Role.Viewer);

        await using (var db = database.Context(viewer))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).Name = "Renamed";
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(viewer))
        {
            db.OrganizationContacts.Add(new OrganizationContact { OrganizationId = t.OrgA.Id, Name = "New" });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(viewer))
        {
            db.CommandBoards.Remove(await db.CommandBoards.SingleAsync(b => b.Id == t.BoardB.Id));
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await AssertUnchangedAsync(database);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Liaison_changes_only_its_own_organisation_and_contacts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var liaison = TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, organizationId: t.OrgA.Id);

        await using (var db = database.Context(liaison))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).Phone = "0201111111";
            db.OrganizationContacts.Add(new OrganizationContact { OrganizationId = t.OrgA.Id, Name = "Phó trực ban" });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(liaison))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA2.Id)).Phone = "0202222222";
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(liaison))
        {
            db.OrganizationContacts.Add(new OrganizationContact { OrganizationId = t.OrgA2.Id, Name = "Not mine" });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(liaison))
        {
            db.Organizations.Add(new Organization { UnitId = t.CommuneA.Id, Name = "New", Kind = OrganizationKind.Other });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(liaison))
        {
            (await db.CommandBoards.SingleAsync(b => b.Id == t.BoardA.Id)).Name = "Renamed";
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(Actor.System);
        Assert.Equal("0201111111", (await check.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).Phone);
        Assert.Null((await check.Organizations.SingleAsync(o => o.Id == t.OrgA2.Id)).Phone);
        Assert.Equal(2, await check.OrganizationContacts.CountAsync(c => c.OrganizationId == t.OrgA.Id));
        Assert.Equal(1, await check.OrganizationContacts.CountAsync(c => c.OrganizationId == t.OrgA2.Id));
        Assert.Equal(3, await check.Organizations.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Liaison_cannot_take_over_a_contact_of_another_organisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.AgencyLiaison, organizationId: t.OrgA.Id));

        var theirs = await db.OrganizationContacts.SingleAsync(c => c.OrganizationId == t.OrgA2.Id);
        theirs.OrganizationId = t.OrgA.Id;

        await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Commune_officer_creates_organisations_only_in_its_commune(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var officer = TestTerritory.ActorAt(t.CommuneA, Role.Officer);

        await using (var db = database.Context(officer))
        {
            db.Organizations.Add(new Organization { UnitId = t.CommuneB.Id, Name = "Elsewhere", Kind = OrganizationKind.School });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(officer))
        {
            db.Organizations.Add(new Organization { UnitId = t.CommuneA.Id, Name = "Trường tiểu học xã A", Kind = OrganizationKind.School });
            await db.SaveChangesAsync();
        }

        await using var check = database.Context(Actor.System);
        Assert.Equal(["Trường tiểu học xã A"], await check.Organizations.Where(o => o.Kind == OrganizationKind.School).Select(o => o.Name).ToListAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Moving_a_record_out_of_scope_is_denied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);

        await using (var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Commander)))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).UnitId = t.CommuneB.Id;
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Commander)))
        {
            (await db.CommandBoards.SingleAsync(b => b.Id == t.BoardA.Id)).UnitId = t.CommuneB.Id;
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await AssertUnchangedAsync(database);

        // The province covers both communes, so there the same move is allowed.
        await using (var db = database.Context(TestTerritory.ActorAt(t.Province, Role.Officer)))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).UnitId = t.CommuneB.Id;
            await db.SaveChangesAsync();
        }

        await using var check = database.Context(Actor.System);
        Assert.Equal(t.CommuneB.Id, (await check.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).UnitId);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Commander_adds_a_commune_under_its_unit_but_not_a_root(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var commander = TestTerritory.ActorAt(t.Province, Role.Commander);

        await using (var db = database.Context(commander))
        {
            db.Units.Add(new AdministrativeUnit { Code = "00003", Name = "Xã C", FullName = "Xã C", Kind = UnitKind.Commune, ParentId = t.Province.Id });
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(commander))
        {
            db.Units.Add(new AdministrativeUnit { Code = "02", Name = "Tỉnh Hai", FullName = "Tỉnh Hai", Kind = UnitKind.Province });
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(Actor.System);
        var added = await check.Units.SingleAsync(u => u.Code == "00003");
        Assert.Equal($"{t.Province.Path}{added.Id}/", added.Path);
        Assert.False(await check.Units.AnyAsync(u => u.Code == "02"));
    }

    /// <summary>Nothing but the seed: denied saves must not leave partial writes or audit entries.</summary>
    private static async Task AssertUnchangedAsync(TestDatabase database)
    {
        await using var db = database.Context(Actor.System);
        Assert.Equal(0, await db.Units.SumAsync(u => u.Version));
        Assert.Equal(0, await db.Organizations.SumAsync(o => o.Version));
        Assert.Equal(0, await db.CommandBoards.SumAsync(b => b.Version));
        Assert.Equal(3, await db.Organizations.CountAsync());
        Assert.Equal(3, await db.OrganizationContacts.CountAsync());
        Assert.Equal(2, await db.CommandBoards.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor != "system"));
    }
}
