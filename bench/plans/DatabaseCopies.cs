using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Demo;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivilDefense.Bench.Plans;

/// <summary>
/// One database with the demo province, copied per run: a file copy on SQLite, CREATE DATABASE …
/// TEMPLATE on PostgreSQL, so every run starts from the same state without re-seeding.
/// </summary>
internal sealed class DatabaseCopies(DatabaseOptions template, string work)
{
    public DatabaseProvider Provider => template.Provider;

    /// <summary>The template itself, for a benchmark that measures reads on it and drops it at the end.</summary>
    public DatabaseOptions Template => template;

    public static async Task<DatabaseCopies> CreateTemplateAsync(string target, string work, string demoDir)
    {
        DatabaseOptions options;
        if (target.StartsWith("postgres=", StringComparison.Ordinal))
        {
            var admin = target["postgres=".Length..];
            var name = "ptds_bench_template_" + Environment.ProcessId;
            await ExecuteAsync(admin, $"CREATE DATABASE {name}");
            options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString };
        }
        else
        {
            options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(work, "template.db")}" };
        }

        await using (var db = Open(options, Actor.System))
        {
            await new SchemaMigrator(db).MigrateAsync();
            await DemoSeeder.SeedAsync(db, demoDir);

            // The demo imports seed 002 itself; the benchmark measures importing it into a province without plans.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM plans");
        }

        NpgsqlConnection.ClearAllPools();
        return new DatabaseCopies(options, work);
    }

    public async Task<DatabaseOptions> CopyAsync(string name)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(work, name + ".db");
            File.Copy(Path.Combine(work, "template.db"), path, overwrite: true);
            return new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={path}" };
        }

        // CREATE DATABASE … TEMPLATE needs the template without sessions: pooled ones included.
        NpgsqlConnection.ClearAllPools();
        var builder = new NpgsqlConnectionStringBuilder(template.ConnectionString);
        var copy = $"{builder.Database}_{name}";
        await ExecuteAsync(new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = "postgres" }.ConnectionString,
            $"CREATE DATABASE {copy} TEMPLATE {builder.Database}");
        return new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = copy }.ConnectionString };
    }

    public async Task DropAsync(DatabaseOptions copy)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            var name = new NpgsqlConnectionStringBuilder(copy.ConnectionString).Database;
            await ExecuteAsync(new NpgsqlConnectionStringBuilder(template.ConnectionString) { Database = "postgres" }.ConnectionString, $"DROP DATABASE {name}");
        }
    }

    /// <summary>The demo province, and an officer of its standing agency acting there.</summary>
    public async Task<(int UnitId, Actor Officer)> ProvinceOfficerAsync(DatabaseOptions options)
    {
        await using var db = Open(options, Actor.System);
        var province = await db.Units.SingleAsync(u => u.Code == "80" && u.ValidTo == null);
        return (province.Id, new Actor("bench-officer", Role.Officer, province.Id, province.Path));
    }

    /// <summary>Names of the communes' bodies, which a generated plan lists as its implementers.</summary>
    public async Task<IReadOnlyList<string>> CommuneBodyNamesAsync()
    {
        await using var db = Open(template, Actor.System);
        return await db.Organizations.Where(o => o.Unit.Level == 3 && o.Unit.ValidTo == null).OrderBy(o => o.Id).Select(o => o.Name).ToListAsync();
    }

    public static CommandTimer Commands { get; } = new();

    public static PtdsDbContext Open(DatabaseOptions options, Actor actor)
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        options.Apply(builder);
        builder.AddInterceptors(Commands);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(actor), TimeProvider.System);
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var c = new NpgsqlConnection(connection);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Time spent inside database commands, to tell the database's share of a run from the application's.</summary>
internal sealed class CommandTimer : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public long Ticks;

    public int Count;

    public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Ticks, eventData.Duration.Ticks);
        Interlocked.Increment(ref Count);
        return await base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override async ValueTask<int> NonQueryExecutedAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Add(ref Ticks, eventData.Duration.Ticks);
        Interlocked.Increment(ref Count);
        return await base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }
}
