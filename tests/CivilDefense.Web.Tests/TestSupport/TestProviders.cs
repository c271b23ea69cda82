using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using Npgsql;

namespace CivilDefense.Web.Tests.TestSupport;

/// <summary>
/// One row per database provider: every integration test runs on SQLite and on PostgreSQL.
/// PostgreSQL comes from PTDS_TEST_POSTGRES (scripts/test.sh starts a private server); without it
/// the PostgreSQL rows fail, so a missing server is never mistaken for a pass.
/// </summary>
public static class TestProviders
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };

    /// <summary>A fresh, empty database for one test; dropped (PostgreSQL) or deleted (SQLite) on dispose.</summary>
    public static async Task<TestDatabaseHandle> CreateAsync(DatabaseProvider provider)
    {
        var name = "ptds_t_" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), name + ".db");
            return new TestDatabaseHandle(new DatabaseOptions { Provider = provider, ConnectionString = $"Data Source={file};Pooling=False" }, () =>
            {
                File.Delete(file);
                return Task.CompletedTask;
            });
        }

        var server = Environment.GetEnvironmentVariable("PTDS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            Assert.Fail("PTDS_TEST_POSTGRES is not set: run the suite through scripts/test.sh, which starts PostgreSQL.");
        }

        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return new TestDatabaseHandle(new DatabaseOptions { Provider = provider, ConnectionString = connection }, () => TestDatabaseDrop.DropAsync(server, name));
    }
}

public sealed class TestDatabaseHandle(DatabaseOptions options, Func<Task> cleanup) : IAsyncDisposable
{
    public DatabaseOptions Options { get; } = options;

    public ValueTask DisposeAsync() => new(cleanup());
}
