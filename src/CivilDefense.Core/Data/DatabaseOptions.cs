using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use: the embedded SQLite file by default, PostgreSQL for servers.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, "Data Source=path"; for PostgreSQL, an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/runtime/ptds.db";

    public void Apply(DbContextOptionsBuilder builder)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(ConnectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(ConnectionString),
            _ => throw new InvalidOperationException($"Unknown database provider {Provider}."),
        };
    }

    /// <summary>Creates the folder of a SQLite file so the first start works on a fresh clone.</summary>
    public void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder) && source != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
