using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

/// <summary>
/// Applies the versioned SQL scripts of the active provider in order and records each in
/// <c>schema_versions</c> (ADR 0001: the EF design tools are not available, and hand-written
/// scripts per provider are reviewable). A test builds a database from the scripts and compares
/// it with the EF model, so the two cannot drift apart unnoticed.
/// </summary>
public sealed class SchemaMigrator(PtdsDbContext db)
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{typeof(SchemaMigrator).Namespace}.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                var version = int.Parse(name.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture);
                return new Script(version, name, Read(assembly, n));
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>Applies what is missing; returns the names of the scripts applied now.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_versions (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = new List<string>();
            foreach (var script in ScriptsFor(Provider))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                if (Provider == DatabaseProvider.Postgres)
                {
                    // Two servers starting together must not both apply the same script.
                    await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(727274)", ct);
                }

                if (await AppliedVersionsAsync(connection, transaction, ct) is var done && done.Contains(script.Version))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, script.Sql, ct);
                await ExecuteAsync(connection, transaction,
                    $"INSERT INTO schema_versions (version, name, applied_at) VALUES ({script.Version}, '{script.Name}', '{DateTime.UtcNow:O}')", ct);
                await transaction.CommitAsync(ct);
                applied.Add(script.Name);
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The scripts not yet applied (readiness fails while there are any).</summary>
    public async Task<IReadOnlyList<int>> PendingVersionsAsync(CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            HashSet<int> done;
            try
            {
                done = await AppliedVersionsAsync(connection, null, ct);
            }
            catch (DbException)
            {
                done = [];
            }

            return ScriptsFor(Provider).Select(s => s.Version).Where(v => !done.Contains(v)).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_versions";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
