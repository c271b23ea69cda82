using System.Data.Common;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Data;

public sealed class SchemaMigratorTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Applies_every_script_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var db = database.Context(Actor.System);
        var migrator = new SchemaMigrator(db);
        var scripts = SchemaMigrator.ScriptsFor(provider);

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts.Select(s => s.Version), await migrator.PendingVersionsAsync());
        Assert.Equal(scripts.Select(s => s.Name), await migrator.MigrateAsync());
        Assert.Empty(await migrator.PendingVersionsAsync());
        Assert.Empty(await migrator.MigrateAsync());
        Assert.Equal(0, await db.Units.CountAsync());
    }

    [Fact]
    public void Scripts_are_numbered_alike_for_both_providers()
    {
        Assert.Equal(
            SchemaMigrator.ScriptsFor(DatabaseProvider.Sqlite).Select(s => s.Name),
            SchemaMigrator.ScriptsFor(DatabaseProvider.Postgres).Select(s => s.Name));
    }

    /// <summary>
    /// The scripts are written by hand from the model (ADR 0001); this catches any drift: the model's
    /// own CREATE script runs in a second database and both are compared through the catalog.
    /// </summary>
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Schema_from_scripts_matches_the_EF_model(DatabaseProvider provider)
    {
        await using var fromScripts = await TestDatabase.CreateAsync(provider);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        await fromModel.ExecuteSqlAsync(DataServices.GenerateModelScript(fromModel.Options));

        var expected = await DescribeAsync(fromModel);
        var actual = await DescribeAsync(fromScripts);
        actual.Remove("table schema_versions");
        Assert.Contains("table units", expected);

        var missing = expected.Except(actual).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The {provider} migration scripts differ from the EF model.\n"
            + $"In the model, not in the scripts:\n  {string.Join("\n  ", missing)}\n"
            + $"In the scripts, not in the model:\n  {string.Join("\n  ", extra)}\n"
            + "Write the next script from 'ptds schema-script --provider " + provider + "'.");
    }

    /// <summary>Tables, columns (type, nullability) and index names, one line each.</summary>
    private static async Task<HashSet<string>> DescribeAsync(TestDatabase database)
    {
        var lines = new HashSet<string>(StringComparer.Ordinal);
        await using var db = database.Context(Actor.System);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
            foreach (var table in tables.Select(r => r[0]))
            {
                lines.Add($"table {table}");
                foreach (var column in await QueryAsync(connection, $"SELECT name, type, \"notnull\" FROM pragma_table_info('{table}')"))
                {
                    lines.Add($"column {table}.{column[0]} {column[1]} {(column[2] == "1" ? "NOT NULL" : "NULL")}");
                }
            }

            foreach (var index in await QueryAsync(connection, "SELECT tbl_name, name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"))
            {
                lines.Add($"index {index[0]}.{index[1]}");
            }
        }
        else
        {
            foreach (var table in await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"))
            {
                lines.Add($"table {table[0]}");
            }

            // A partitioned table (the delivery outbox) is compared as its parent; its partitions are the script's business.
            var partitions = (await QueryAsync(connection, "SELECT c.relname FROM pg_class c WHERE c.relispartition")).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

            const string columns = """
                SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable
                FROM information_schema.columns WHERE table_schema = 'public'
                """;
            foreach (var column in await QueryAsync(connection, columns))
            {
                lines.Add($"column {column[0]}.{column[1]} {column[2]}({column[3]}) {(column[4] == "NO" ? "NOT NULL" : "NULL")}");
            }

            foreach (var index in await QueryAsync(connection, "SELECT tablename, indexname FROM pg_indexes WHERE schemaname = 'public'"))
            {
                lines.Add($"index {index[0]}.{index[1]}");
            }

            lines.RemoveWhere(line => partitions.Contains(line.Split(' ')[1].Split('.')[0]));
        }

        lines.RemoveWhere(line => line.StartsWith("column schema_versions.", StringComparison.Ordinal)
            || line.StartsWith("index schema_versions.", StringComparison.Ordinal));
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
