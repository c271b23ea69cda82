using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

/// <summary>
/// The demo province on a <see cref="PtdsServer"/> and Debian's Chromium driven by Playwright.
/// Shared by the browser tests: seeding the demo takes a while.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string OfficerPassword = "officer-password-1";

    private PtdsServer? _server;
    private IPlaywright? _playwright;

    public string BaseUrl => _server!.BaseUrl;

    public string AdminPassword => _server!.AdminPassword;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go to test-results/browser at the repository root, for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "test-results", "browser");

    public async Task InitializeAsync()
    {
        _server = PtdsServer.Start();
        (_playwright, Browser) = await LaunchAsync();
    }

    /// <summary>Debian's Chromium, headless, driven by Playwright.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PTDS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run"],
        });
        return (playwright, browser);
    }

    /// <summary>A context acting as the system, to look up demo units and create officers.</summary>
    public PtdsDbContext OpenDatabase() => _server!.OpenDatabase();

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
    public Task<IPage> SignInAsync(string userName, string password) => SignInAsync(Browser, BaseUrl, userName, password);

    /// <summary>A fresh browser page signed in to the server at <paramref name="baseUrl"/>.</summary>
    public static async Task<IPage> SignInAsync(IBrowser browser, string baseUrl, string userName, string password)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#Input_UserName", userName);
        await page.FillAsync("#Input_Password", password);
        await page.ClickAsync("#sign-in");

        // Signed in once the home page's document is there; its images and scripts need not have
        // loaded (each test then waits for what it uses). Waiting for the load event timed out
        // once in a loaded CI run with the network already idle.
        await page.WaitForURLAsync(baseUrl + "/", new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 });
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
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

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
