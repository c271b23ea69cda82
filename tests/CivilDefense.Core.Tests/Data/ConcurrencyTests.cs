using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Data;

public sealed class ConcurrencyTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Second_of_two_concurrent_edits_gets_a_conflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var officer = TestTerritory.ActorAt(t.CommuneA, Role.Officer);
        await using var first = database.Context(officer);
        await using var second = database.Context(officer);
        var mine = await first.Organizations.SingleAsync(o => o.Id == t.OrgA.Id);
        var theirs = await second.Organizations.SingleAsync(o => o.Id == t.OrgA.Id);

        mine.Phone = "0201111111";
        await first.SaveChangesAsync();
        theirs.Phone = "0202222222";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.Context(Actor.System);
        var stored = await check.Organizations.SingleAsync(o => o.Id == t.OrgA.Id);
        Assert.Equal("0201111111", stored.Phone);
        Assert.Equal(1, stored.Version);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "Update"));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Every_update_bumps_the_version(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        var board = await db.CommandBoards.SingleAsync(b => b.Id == t.BoardA.Id);

        board.EstablishingDecision = "Quyết định số 1/QĐ-UBND";
        await db.SaveChangesAsync();
        board.EstablishingDecision = "Quyết định số 2/QĐ-UBND";
        await db.SaveChangesAsync();

        Assert.Equal(2, board.Version);
        await using var check = database.Context(Actor.System);
        Assert.Equal(2, (await check.CommandBoards.SingleAsync(b => b.Id == t.BoardA.Id)).Version);
    }
}
