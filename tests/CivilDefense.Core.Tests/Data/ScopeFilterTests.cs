using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Data;

public sealed class ScopeFilterTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Commune_actor_sees_only_its_commune(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Viewer));

        Assert.Equal([t.CommuneA.Id], await db.Units.Select(u => u.Id).ToListAsync());
        Assert.Equal([t.OrgA.Id, t.OrgA2.Id], await db.Organizations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        Assert.Equal([t.OrgA.Id, t.OrgA2.Id], await db.OrganizationContacts.OrderBy(c => c.OrganizationId).Select(c => c.OrganizationId).ToListAsync());
        Assert.Equal([t.BoardA.Id], await db.CommandBoards.Select(b => b.Id).ToListAsync());
        Assert.Equal([t.BoardA.Id], await db.BoardMembers.Select(m => m.BoardId).ToListAsync());
        Assert.Null(await db.Organizations.SingleOrDefaultAsync(o => o.Id == t.OrgB.Id));
        Assert.Null(await db.CommandBoards.SingleOrDefaultAsync(b => b.Id == t.BoardB.Id));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Province_actor_sees_both_communes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.Province, Role.Viewer));

        Assert.Equal([t.Province.Id, t.CommuneA.Id, t.CommuneB.Id], await db.Units.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync());
        Assert.Equal(3, await db.Organizations.CountAsync());
        Assert.Equal(3, await db.OrganizationContacts.CountAsync());
        Assert.Equal(2, await db.CommandBoards.CountAsync());
        Assert.Equal(2, await db.BoardMembers.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Audit_trail_is_scoped_like_the_records(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(t.CommuneB, Role.Commander));

        var entities = await db.AuditEntries.Select(a => new { a.EntityType, a.EntityId }).ToListAsync();

        Assert.Contains(new { EntityType = "Organization", EntityId = t.OrgB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, entities);
        Assert.DoesNotContain(new { EntityType = "Organization", EntityId = t.OrgA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, entities);
    }
}
