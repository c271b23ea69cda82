using System.Text.RegularExpressions;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.Alerts.Delivery;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Browser.Tests;

/// <summary>
/// One PTDS server as a province runs it: the real app on Kestrel (a real port for a real browser),
/// on a fresh SQLite file seeded with the demo province exactly as on first start, with the
/// administrator's password read from the start-up output.
/// </summary>
public sealed partial class PtdsServer : IAsyncDisposable
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"ptds-browser-{Guid.NewGuid():N}.db");
    private readonly StringWriter _console = new();
    private WebApplicationFactory<Program>? _factory;

    private PtdsServer()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public string AdminPassword { get; private set; } = "";

    /// <param name="settings">Configuration on top of the defaults (channels, public URL...).</param>
    /// <param name="port">A fixed port, when the settings must name the server's own URL; 0 for any free one.</param>
    public static PtdsServer Start(IReadOnlyDictionary<string, string>? settings = null, int port = 0)
    {
        var server = new PtdsServer();
        server._factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={server._databaseFile}");
            b.UseSetting("Ptds:SeedDemo", "true");
            b.UseSetting("Ptds:CreateAdministrator", "true");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            b.UseEnvironment("Production");
            b.ConfigureTestServices(s => s.AddSingleton(new StartupConsole(server._console)));
        });
        // Always an explicit free port: two servers of one test run must never both fall back to Kestrel's default 5000.
        var listen = port == 0 ? HttpTestReceiver.FreePort() : port;
        server._factory.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, listen));

        server._factory.StartServer();
        var addresses = server._factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        server.AdminPassword = PasswordPattern().Match(server._console.ToString()).Groups[1].Value;
        return server;
    }

    /// <summary>A context acting as the system, to look up demo data and arrange what the test needs.</summary>
    public PtdsDbContext OpenDatabase()
    {
        var builder = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PtdsDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_databaseFile}" }.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }

    [GeneratedRegex("password:  (\\S+)")]
    private static partial Regex PasswordPattern();
}
