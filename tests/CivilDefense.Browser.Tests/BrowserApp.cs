using System.Text.RegularExpressions;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

/// <summary>
/// The real app on Kestrel (a real port for a real browser), on a fresh SQLite file seeded with the
/// demo province exactly as on first start, and Debian's Chromium driven by Playwright.
/// Shared by the browser tests: seeding the demo takes a while.
/// </summary>
public sealed partial class BrowserApp : IAsyncLifetime
{
    public const string OfficerPassword = "officer-password-1";

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"ptds-browser-{Guid.NewGuid():N}.db");
    private readonly StringWriter _console = new();
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public string AdminPassword { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go to test-results/browser at the repository root, for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "test-results", "browser");

    public async Task InitializeAsync()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", $"Data Source={_databaseFile}");
            b.UseSetting("Ptds:SeedDemo", "true");
            b.UseSetting("Ptds:CreateAdministrator", "true");
            b.UseEnvironment("Production");
            b.ConfigureTestServices(s => s.AddSingleton(new StartupConsole(_console)));
        });
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        AdminPassword = PasswordPattern().Match(_console.ToString()).Groups[1].Value;

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PTDS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
    }

    /// <summary>A context acting as the system, to look up demo units and create officers.</summary>
    public PtdsDbContext OpenDatabase()
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={_databaseFile}" }.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }

    /// <summary>Creates (once) an officer scoped to the commune with this code and returns the user name.</summary>
    public async Task<string> OfficerOfAsync(string communeCode)
    {
        await using var db = OpenDatabase();
        var userName = "officer-" + communeCode;
        if (!await db.Users.AnyAsync(u => u.UserName == userName))
        {
            var commune = await db.Units.SingleAsync(u => u.Code == communeCode && u.ValidTo == null);
            var user = new User { UserName = userName, DisplayName = "Cán bộ " + commune.Name, Role = Role.Officer, UnitId = commune.Id, CreatedAt = DateTime.UtcNow };
            user.PasswordHash = Passwords.Hash(user, OfficerPassword);
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        return userName;
    }

    public async Task<int> UnitIdAsync(string code)
    {
        await using var db = OpenDatabase();
        return await db.Units.Where(u => u.Code == code && u.ValidTo == null).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A fresh browser page signed in as the given user.</summary>
    public async Task<IPage> SignInAsync(string userName, string password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(BaseUrl + "/");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }

    [GeneratedRegex("password:  (\\S+)")]
    private static partial Regex PasswordPattern();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CivilDefense.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? Path.GetTempPath();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
