using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Web.Tests.TestSupport;

/// <summary>
/// The real web app on a fresh database of the given provider, seeded with <see cref="TestWorld"/>.
/// One app per test, so tests run in parallel without sharing state.
/// </summary>
public sealed partial class PtdsApp : WebApplicationFactory<Program>
{
    private readonly TestDatabaseHandle _database;

    private readonly bool _allowPrivateFeedAddresses;

    private PtdsApp(TestDatabaseHandle database, bool allowPrivateFeedAddresses = true) =>
        (_database, _allowPrivateFeedAddresses) = (database, allowPrivateFeedAddresses);

    public DatabaseOptions Database => _database.Options;

    public TestWorld World { get; private set; } = null!;

    /// <param name="allowPrivateFeedAddresses">
    /// The tests' neighbour feeds are loopback servers, which the product refuses by default
    /// (FeedAddresses); false tests that refusal.
    /// </param>
    public static async Task<PtdsApp> StartAsync(DatabaseProvider provider, bool allowPrivateFeedAddresses = true)
    {
        var app = new PtdsApp(await TestProviders.CreateAsync(provider), allowPrivateFeedAddresses);
        _ = app.Server; // builds the host: migrates the schema on start
        await using var db = app.OpenDatabase();
        app.World = await TestWorld.SeedAsync(db);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", _database.Options.Provider.ToString());
        builder.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        builder.UseSetting("Ptds:MigrateOnStart", "true");
        // Tests seed their own small world; the demo province has its own tests.
        builder.UseSetting("Ptds:SeedDemo", "false");
        builder.UseSetting("Ptds:CreateAdministrator", "false");
        builder.UseSetting("Plans:Attachments:Directory", Path.Combine(Path.GetTempPath(), "ptds-web-attachments"));
        builder.UseSetting("Alerts:Polling:AllowPrivateAddresses", _allowPrivateFeedAddresses ? "true" : "false");
        builder.UseEnvironment("Production");
    }

    /// <summary>A context acting as the given actor (the system by default), for arranging and checking data.</summary>
    public PtdsDbContext OpenDatabase(Actor? actor = null, params Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] interceptors)
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        _database.Options.Apply(builder);
        builder.AddInterceptors(interceptors);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(actor ?? Actor.System), TimeProvider.System);
    }

    /// <summary>An API client authenticated with the bearer token of one of the world's users.</summary>
    public HttpClient ApiAs(TestUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    /// <summary>A browser-like client signed in through the login form (cookie), for page tests.</summary>
    public async Task<HttpClient> SignInAsync(TestUser user)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = TestWorld.Password,
            ["__RequestVerificationToken"] = AntiforgeryToken(form),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The anti-forgery token of the first form in a page.</summary>
    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
