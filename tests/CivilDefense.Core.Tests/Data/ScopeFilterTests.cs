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
        Assert.Null(await db.Organizations.FindAsync(t.OrgB.Id) is { } found && found.UnitId == t.CommuneB.Id ? null : (object?)null);
    }
}
