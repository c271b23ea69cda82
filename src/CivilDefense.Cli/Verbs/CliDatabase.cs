using System.CommandLine;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Cli.Verbs;

/// <summary>
/// The database options every verb shares. Defaults come from the same environment variables as the
/// web app (Database__Provider, Database__ConnectionString), so one setting serves both.
/// </summary>
internal static class CliDatabase
{
    public static readonly Option<DatabaseProvider?> Provider = new("--provider")
    {
        Description = "Sqlite (default) or Postgres.",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Connection string (default: the embedded SQLite file data/runtime/ptds.db).",
        Recursive = true,
    };

    public static DatabaseOptions Resolve(ParseResult parse)
    {
        var options = new DatabaseOptions();
        if (Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("Database__Provider"), ignoreCase: true, out var envProvider))
        {
            options.Provider = envProvider;
        }

        if (Environment.GetEnvironmentVariable("Database__ConnectionString") is { Length: > 0 } envConnection)
        {
            options.ConnectionString = envConnection;
        }

        if (parse.GetValue(Provider) is { } provider)
        {
            options.Provider = provider;
        }

        if (parse.GetValue(Connection) is { Length: > 0 } connection)
        {
            options.ConnectionString = connection;
        }

        return options;
    }

    /// <summary>A context acting as the system (the CLI runs with the operator's shell rights).</summary>
    public static PtdsDbContext Open(DatabaseOptions options, Actor? actor = null)
    {
        options.EnsureSqliteFolder();
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        options.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(actor ?? Actor.System), TimeProvider.System);
    }

    public static Command WithDatabase(this Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        return command;
    }
}
