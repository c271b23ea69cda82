using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>Migration 0014 (the outbox keyed by alert, recipient and channel) keeps the rows it finds, and they are dispatched afterwards.</summary>
public sealed class OutboxMigrationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Migration0014_KeepsExistingDeliveries_AndTheirDueWorkIsClaimedAfterwards(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        foreach (var script in SchemaMigrator.ScriptsFor(provider).Where(s => s.Version < 14))
        {
            await database.ExecuteSqlAsync(script.Sql);
        }

        await database.ExecuteSqlAsync("CREATE TABLE schema_versions (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)");
        foreach (var script in SchemaMigrator.ScriptsFor(provider).Where(s => s.Version < 14))
        {
            await database.ExecuteSqlAsync($"INSERT INTO schema_versions VALUES ({script.Version}, '{script.Name}', 'test')");
        }

        // Rows as the 0013 schema held them: one in each state that matters, of one alert.
        var alert = Guid.NewGuid();
        var (queued, retried, sending, sent) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var past = DateTime.UtcNow.AddMinutes(-5);
        string Id(Guid g) => provider == DatabaseProvider.Sqlite ? g.ToString().ToUpperInvariant() : g.ToString();
        string At(DateTime t) => provider == DatabaseProvider.Sqlite ? t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture) : t.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        string Row(Guid recipient, string state, int attempts, string lease, string sentAt) =>
            $"('{Id(alert)}', '{Id(recipient)}', 'sms', '+8490000', 'vi-VN', NULL, '{state}', {attempts}, '{At(past)}', '{At(past)}', {lease}, {sentAt})";
        await database.ExecuteSqlAsync(
            "INSERT INTO deliveries (\"AlertId\", \"RecipientId\", \"Channel\", \"Address\", \"Language\", \"UnitId\", \"State\", \"Attempts\", \"QueuedAt\", \"NextAttemptAt\", \"LeaseExpiresAt\", \"SentAt\") VALUES "
            + string.Join(", ", Row(queued, "Queued", 0, "NULL", "NULL"), Row(retried, "Retried", 1, "NULL", "NULL"), Row(sending, "Sending", 1, $"'{At(past)}'", "NULL"), Row(sent, "Sent", 1, "NULL", $"'{At(past)}'")));

        await using (var db = database.Context(Actor.System))
        {
            // The scripts after 0013: 0014 first, then whatever later ones exist.
            Assert.Equal("0014_delivery_outbox_keyed", (await new SchemaMigrator(db).MigrateAsync())[0]);
        }

        await using (var db = database.Context(Actor.System))
        {
            var rows = await db.Deliveries.Where(d => d.AlertId == alert).ToDictionaryAsync(d => d.RecipientId);
            Assert.Equal(4, rows.Count);
            Assert.Equal((DeliveryState.Retried, (DateTime?)rows[retried].NextAttemptAt), (rows[retried].State, rows[retried].RetryAt));
            Assert.All(rows.Values.Where(d => d.RecipientId != retried), d => Assert.Null(d.RetryAt));
            Assert.Equal(DeliveryState.Sent, rows[sent].State);
            Assert.True((await db.DeliveryAlerts.SingleAsync(a => a.AlertId == alert)).Open);
        }

        // The queued, the retried and the abandoned one are due; the sent one is not.
        await using var store = OutboxStores.Open(database.Options);
        var now = DateTime.UtcNow;
        var claimed = await store.ClaimAsync("after-migration", 10, now, now.AddMinutes(1), CancellationToken.None);
        Assert.Equal(new[] { queued, retried, sending }.Order(), claimed.Select(c => c.RecipientId).Order());
    }

    [Theory, OnPostgres]
    public async Task Partitions_AreTheOnesPostgresChooses(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var source = NpgsqlDataSource.Create(database.Options.ConnectionString);
        var random = new Random(14);
        var ids = Enumerable.Range(0, 200).Select(_ => new Guid(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16))).ToList();
        ids.Add(Guid.Empty);
        ids.Add(Core.Alerts.Acknowledgements.DeliveryIdentities.RecipientId(42));
        foreach (var id in ids)
        {
            await using var command = source.CreateCommand("SELECT satisfies_hash_partition('deliveries'::regclass, 4, @partition, @id)");
            command.Parameters.AddWithValue("partition", OutboxPartitions.Of(id));
            command.Parameters.AddWithValue("id", id);
            Assert.True((bool)(await command.ExecuteScalarAsync())!, $"{id} is not in partition {OutboxPartitions.Of(id)}");
        }
    }
}
