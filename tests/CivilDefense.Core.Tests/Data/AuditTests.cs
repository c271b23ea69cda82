using System.Data.Common;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Data;

public sealed class AuditTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Create_update_delete_each_leave_an_entry_with_actor_and_values(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var officer = TestTerritory.ActorAt(t.CommuneA, Role.Officer, userId: 42);
        var contact = new OrganizationContact { OrganizationId = t.OrgA.Id, Name = "Trực ban đêm", Phone = "0203333333" };

        await using (var db = database.Context(officer))
        {
            db.OrganizationContacts.Add(contact);
            await db.SaveChangesAsync();
        }

        await using (var db = database.Context(officer))
        {
            var stored = await db.OrganizationContacts.SingleAsync(c => c.Id == contact.Id);
            stored.Phone = "0204444444";
            await db.SaveChangesAsync();
            db.OrganizationContacts.Remove(stored);
            await db.SaveChangesAsync();
        }

        await using var check = database.Context(Actor.System);
        var id = contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await check.AuditEntries.Where(a => a.EntityType == nameof(OrganizationContact) && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Create", "Update", "Delete"], entries.Select(e => e.Action));
        Assert.All(entries, e =>
        {
            Assert.Equal("officer@00001", e.Actor);
            Assert.Equal(42, e.ActorUserId);
            Assert.Equal(t.CommuneA.Id, e.UnitId);
            Assert.Equal(t.CommuneA.Path, e.UnitPath);
        });
        Assert.Null(entries[0].Before);
        Assert.Equal("0203333333", Value(entries[0].After, "Phone"));
        Assert.Equal("0203333333", Value(entries[1].Before, "Phone"));
        Assert.Equal("0204444444", Value(entries[1].After, "Phone"));
        Assert.Equal("0204444444", Value(entries[2].Before, "Phone"));
        Assert.Null(entries[2].After);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Password_hash_is_masked_and_token_actors_are_marked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        var user = new User { UserName = "canbo.a", DisplayName = "Cán bộ A", UnitId = t.CommuneA.Id, Role = Role.Officer };
        user.PasswordHash = Passwords.Hash(user, "mot-mat-khau-dai");
        var token = new Actor("importer", Role.Administrator, t.Province.Id, t.Province.Path, TokenId: 7);

        await using (var db = database.Context(token))
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        await using var check = database.Context(Actor.System);
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(User));
        Assert.Equal("token:importer", entry.Actor);
        Assert.DoesNotContain(user.PasswordHash, entry.After, StringComparison.Ordinal);
        Assert.Equal($"[{user.PasswordHash.Length} chars]", Value(entry.After, nameof(User.PasswordHash)));
        Assert.Equal("canbo.a", Value(entry.After, nameof(User.UserName)));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Context_refuses_to_change_or_delete_entries(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestTerritory.SeedAsync(database);

        await using (var db = database.Context(Actor.System))
        {
            (await db.AuditEntries.FirstAsync()).Actor = "someone else";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using (var db = database.Context(Actor.System))
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(Actor.System);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Actor != "system"));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Database_triggers_refuse_raw_updates_and_deletes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TestTerritory.SeedAsync(database);
        int count;
        await using (var db = database.Context(Actor.System))
        {
            count = await db.AuditEntries.CountAsync();
        }

        Assert.True(count > 0);
        var update = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteSqlAsync("UPDATE audit_entries SET \"Actor\" = 'forged'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteSqlAsync("DELETE FROM audit_entries"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);

        await using var check = database.Context(Actor.System);
        Assert.Equal(count, await check.AuditEntries.CountAsync(a => a.Actor == "system"));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Denied_write_leaves_no_entry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var t = await TestTerritory.SeedAsync(database);
        await using (var db = database.Context(TestTerritory.ActorAt(t.CommuneA, Role.Viewer)))
        {
            (await db.Organizations.SingleAsync(o => o.Id == t.OrgA.Id)).Name = "Renamed";
            await Assert.ThrowsAsync<AccessDeniedException>(() => db.SaveChangesAsync());
        }

        await using var check = database.Context(Actor.System);
        Assert.False(await check.AuditEntries.AnyAsync(a => a.Action != "Create"));
    }

    private static string? Value(string? json, string property)
    {
        Assert.NotNull(json);
        var element = JsonDocument.Parse(json).RootElement.GetProperty(property);
        return element.ValueKind == JsonValueKind.Null ? null : element.ToString();
    }
}
