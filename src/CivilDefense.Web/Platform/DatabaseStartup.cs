using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Demo;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Platform;

/// <summary>Settings under "Ptds" for what the app does to its database on start.</summary>
public sealed class StartupOptions
{
    /// <summary>Apply pending schema scripts on start. Null: yes for the embedded SQLite file, no for PostgreSQL (use `ptds migrate`).</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Load the demo province into an empty database.</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Create and print the first administrator when there is no user.</summary>
    public bool CreateAdministrator { get; set; } = true;
}

/// <summary>Where the first-start notice goes: the console, or a buffer in tests.</summary>
public sealed class StartupConsole(TextWriter writer)
{
    public TextWriter Writer => writer;
}

public static class DatabaseStartup
{
    /// <summary>
    /// Migrates (SQLite mode, ADR 0001), seeds the demo province into an empty database and prints
    /// the first administrator's password, once: a second start finds the user and prints nothing.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var options = app.Services.GetRequiredService<IOptions<StartupOptions>>().Value;
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
        var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
        if (options.MigrateOnStart ?? database.Provider == DatabaseProvider.Sqlite)
        {
            var applied = await migrator.MigrateAsync(ct);
            if (applied.Count > 0)
            {
                app.Logger.LogInformation("Applied schema migrations: {Scripts}", string.Join(", ", applied));
            }
        }
        else
        {
            try
            {
                if ((await migrator.PendingVersionsAsync(ct)).Count > 0)
                {
                    app.Logger.LogWarning("The database schema is behind this build: run `ptds migrate`. /health/ready reports unhealthy until then.");
                    return;
                }
            }
            catch (System.Data.Common.DbException e)
            {
                // A server database may come up after the app; start anyway and let /health/ready say so.
                app.Logger.LogError(e, "The database is unreachable; /health/ready reports unhealthy until it answers.");
                return;
            }
        }

        if (options.SeedDemo)
        {
            await app.SeedDemoAsync(scope.ServiceProvider, ct);
        }

        app.Logger.LogInformation("Database prepared in {Milliseconds} ms.", clock.ElapsedMilliseconds);
        if (options.CreateAdministrator && await scope.ServiceProvider.GetRequiredService<EnsureAdministrator>().HandleAsync(ct) is { } admin)
        {
            // Printed once, to the console of whoever started the app; it is never stored in clear.
            var console = app.Services.GetRequiredService<StartupConsole>().Writer;
            await console.WriteLineAsync($"""

                ==============================================================
                 PTDS first start: administrator account created
                   user name: {admin.UserName}
                   password:  {admin.Password}
                 Change it after signing in. It will not be shown again.
                ==============================================================

                """);
            await console.FlushAsync(ct);
        }
    }

    /// <summary>Loads the demo province into an empty database, logging each stage (it takes a few seconds).</summary>
    private static async Task SeedDemoAsync(this WebApplication app, IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<PtdsDbContext>();
        var progress = new Progress<string>(line => app.Logger.LogInformation("Demo seed: {Stage}", line));
        var result = await DemoSeeder.SeedAsync(db, progress: progress, ct: ct);
        if (result.Seeded)
        {
            app.Logger.LogInformation(
                "Demo province loaded in {Seconds:0.0} s: {Provinces} provinces, {Communes} communes, {Organizations} organisations, {Boards} command boards.",
                result.Elapsed.TotalSeconds, result.Provinces, result.Communes, result.Organizations, result.CommandBoards);
        }
    }
}
