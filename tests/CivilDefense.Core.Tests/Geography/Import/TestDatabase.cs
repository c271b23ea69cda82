using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Geography.Import;

/// <summary>An in-memory SQLite database built by the real migration scripts; the connection lives as long as the fixture.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private TestDatabase(SqliteConnection connection) => _connection = connection;

    public static async Task<TestDatabase> CreateAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var database = new TestDatabase(connection);
        await using var db = database.Open();
        await new SchemaMigrator(db).MigrateAsync();
        return database;
    }

    public PtdsDbContext Open(Actor? actor = null) =>
        new(new DbContextOptionsBuilder<PtdsDbContext>().UseSqlite(_connection).Options, new FixedActorAccessor(actor ?? Actor.System), TimeProvider.System);

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>Paths of the demo files the build copies next to the test assembly.</summary>
public static class DemoData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "demo", file);

    public static FileStream Open(string file) => File.OpenRead(PathOf(file));
}
