using System.Net;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Web.Tests.Platform;

public sealed class StartupAndHealthTests
{
    [Fact]
    public async Task FirstStart_PrintsTheAdministratorPasswordOnce_SecondStartPrintsNothing()
    {
        await using var database = await TestProviders.CreateAsync(DatabaseProvider.Sqlite);
        var first = new StringWriter();
        var second = new StringWriter();

        await using (var app = Start(database.Options, first))
        {
            _ = app.Server;
        }

        await using (var app = Start(database.Options, second))
        {
            _ = app.Server;
        }

        Assert.Contains("user name: admin", first.ToString());
        Assert.Matches("password:  [A-Za-z0-9]{16}", first.ToString());
        Assert.Equal("", second.ToString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Health_LiveAndReady_AreAnonymousAndHealthy(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var client = app.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task HealthReady_DatabaseGone_IsUnhealthy()
    {
        await using var database = await TestProviders.CreateAsync(DatabaseProvider.Sqlite);
        var missing = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=/nonexistent-dir/x/ptds.db;Mode=ReadOnly" };
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:ConnectionString", missing.ConnectionString);
            b.UseSetting("Ptds:MigrateOnStart", "false");
            b.UseSetting("Ptds:SeedDemo", "false");
            b.UseSetting("Ptds:CreateAdministrator", "false");
        });

        var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task Api_WithoutCredentials_Answers401ProblemAndPagesRedirectToLogin()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var api = await client.GetAsync("/api/v1/units");
        var page = await client.GetAsync("/territory");

        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Token_Invalid_Answers401()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "ptds_notarealtoken_0000000000000000");

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_DocumentListsTheApi()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);

        var document = await app.ApiAs(app.World.Viewer).GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/units/{id}", document);
        Assert.Contains("\"openapi\"", document);
    }

    private static WebApplicationFactory<Program> Start(DatabaseOptions database, TextWriter console) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", database.Provider.ToString());
            b.UseSetting("Database:ConnectionString", database.ConnectionString);
            b.UseSetting("Ptds:SeedDemo", "false");
            b.ConfigureTestServices(s => s.AddSingleton(new StartupConsole(console)));
        });
}
