using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CivilDefense.Core.Tests.TestSupport;

/// <summary>
/// A fresh, migrated database for one test, on SQLite (in memory) or PostgreSQL (a new database on
/// the server named by PTDS_TEST_POSTGRES, dropped on dispose). Self-contained so other test
/// projects can link this file with &lt;Compile Include&gt;.
/// </summary>
/// <example>
/// <code>
/// [Theory, OnSqlite, OnPostgres]
/// public async Task Works_everywhere(DatabaseProvider provider)
/// {
///     await using var database = await TestDatabase.CreateAsync(provider);
///     await using var db = database.Context(Actor.System);
/// }
/// </code>
/// </example>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>An Npgsql connection string with CREATEDB rights; scripts/test.sh sets it.</summary>
    public const string PostgresVariable = "PTDS_TEST_POSTGRES";

    /// <summary>Set to 1 to skip (not fail) the PostgreSQL cases on a machine without a server.</summary>
    public const string AllowNoPostgresVariable = "PTDS_ALLOW_NO_POSTGRES";

    // Held open for the test's lifetime: a shared in-memory SQLite database lives as long as one connection to it.
    private readonly SqliteConnection? sqliteKeepAlive;
    private readonly string? postgresAdminConnection;
    private readonly string? postgresDatabaseName;

    private TestDatabase(DatabaseOptions options, SqliteConnection? sqliteKeepAlive, string? postgresAdminConnection, string? postgresDatabaseName)
    {
        Options = options;
        this.sqliteKeepAlive = sqliteKeepAlive;
        this.postgresAdminConnection = postgresAdminConnection;
        this.postgresDatabaseName = postgresDatabaseName;
    }

    /// <summary>
    /// One row per provider, for [MemberData]. Prefer [OnSqlite, OnPostgres]: only those can turn
    /// the PostgreSQL row into a skip under PTDS_ALLOW_NO_POSTGRES=1; with this source it fails.
    /// </summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>Provider and connection string, e.g. to hand to a web host's configuration.</summary>
    public DatabaseOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    /// <summary>Creates the database and, unless told otherwise, applies the migration scripts.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, CancellationToken ct = default)
    {
        var database = provider switch
        {
            DatabaseProvider.Sqlite => await CreateSqliteAsync(ct),
            DatabaseProvider.Postgres => await CreatePostgresAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown provider."),
        };
        if (migrate)
        {
            await using var db = database.Context(Actor.System);
            await new SchemaMigrator(db).MigrateAsync(ct);
        }

        return database;
    }

    public DbContextOptions<PtdsDbContext> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        Options.Apply(builder);
        return builder.Options;
    }

    /// <summary>A new context acting as <paramref name="actor"/>; each call is a separate unit of work.</summary>
    public PtdsDbContext Context(Actor actor, TimeProvider? clock = null) =>
        new(ContextOptions(), new FixedActorAccessor(actor), clock ?? TimeProvider.System);

    /// <summary>Runs raw SQL outside EF (for checks the context itself would refuse).</summary>
    public async Task<int> ExecuteSqlAsync(string sql, CancellationToken ct = default)
    {
        await using var db = Context(Actor.System);
        return await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteKeepAlive is not null)
        {
            await sqliteKeepAlive.DisposeAsync();
        }

        if (postgresAdminConnection is not null && postgresDatabaseName is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Options.ConnectionString));
            await TestDatabaseDrop.DropAsync(postgresAdminConnection, postgresDatabaseName);
        }
    }

    private static async Task<TestDatabase> CreateSqliteAsync(CancellationToken ct)
    {
        // A named shared-cache memory database: every connection opened with this string sees it,
        // so contexts (and a web host) can use the plain connection string.
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = "ptds-test-" + Guid.NewGuid().ToString("N"),
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        var keepAlive = new SqliteConnection(connectionString);
        await keepAlive.OpenAsync(ct);
        return new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }, keepAlive, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken ct)
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"PostgreSQL case, but {PostgresVariable} is not set. Run scripts/test.sh (it starts a private server), "
                + $"set {PostgresVariable} to a connection string with CREATEDB rights, or set {AllowNoPostgresVariable}=1 to skip these cases.");
        }

        var name = "ptds_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, null, admin, name);
    }
}
