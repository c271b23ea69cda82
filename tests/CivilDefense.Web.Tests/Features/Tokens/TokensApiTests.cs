using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.Features.Users;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Tokens;

public sealed class TokensApiTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreatedToken_Authenticates_UntilRevoked(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "station-1", role = "Officer", unitId = app.World.CommuneA.Id, expiresInDays = 30 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("secret").GetString()!;
        var id = body.GetProperty("token").GetProperty("id").GetInt32();
        Assert.StartsWith("ptds_", secret);

        var me = await Client(app, secret).GetFromJsonAsync<JsonElement>("/api/v1/me");
        var list = await admin.GetStringAsync("/api/v1/tokens");
        var revoke = await admin.PostAsync($"/api/v1/tokens/{id}/revoke", null);
        var afterRevoke = await Client(app, secret).GetAsync("/api/v1/me");

        Assert.Equal("station-1", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("isToken").GetBoolean());
        Assert.Contains(body.GetProperty("token").GetProperty("prefix").GetString()!, list);
        Assert.DoesNotContain(secret, list);
        Assert.DoesNotContain("secretHash", list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("Revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        await using var db = app.OpenDatabase();
        var stored = await db.ApiTokens.SingleAsync(t => t.Id == id);
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.DoesNotContain(secret, string.Join("", await db.AuditEntries.Select(a => a.After).ToListAsync()));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ExpiredToken_IsUnauthorized(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using (var db = app.OpenDatabase())
        {
            var token = await db.ApiTokens.SingleAsync(t => t.Name == "viewer-token");
            token.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        var response = await app.ApiAs(app.World.Viewer).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ViewerToken_CannotWrite(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var viewer = app.ApiAs(app.World.Viewer);

        var unit = await viewer.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", new { version = 0, name = "X", fullName = "X" });
        var token = await viewer.PostAsJsonAsync("/api/v1/tokens", new { name = "mine", role = "Viewer", unitId = app.World.Province.Id, expiresInDays = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, unit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ProvinceAdministrator_CannotIssueCountryToken(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (provinceAdmin, _) = await UsersApiTests.SeedProvinceAdministratorAsync(app);

        var country = await provinceAdmin.PostAsJsonAsync("/api/v1/tokens", new { name = "too-wide", role = "Viewer", unitId = app.World.Country.Id, expiresInDays = 10 });
        var province = await provinceAdmin.PostAsJsonAsync("/api/v1/tokens", new { name = "fine", role = "Viewer", unitId = app.World.Province.Id, expiresInDays = 10 });

        Assert.Equal(HttpStatusCode.Forbidden, country.StatusCode);
        Assert.Equal(HttpStatusCode.Created, province.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateToken_ExpiryOutOfRange_IsRejected(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);

        var zero = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "x", role = "Viewer", unitId = app.World.Province.Id, expiresInDays = 0 });
        var tooLong = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "x", role = "Viewer", unitId = app.World.Province.Id, expiresInDays = 366 });

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task TokenPages_ShowSecretOnceAndListWithoutIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var browser = await app.SignInAsync(app.World.Admin);

        var form = await browser.GetStringAsync("/tokens/new");
        var created = await browser.PostAsync("/tokens/new", UsersApiTests.Form(PtdsApp.AntiforgeryToken(form),
            ("Input.Name", "page-token"), ("Input.Role", "Viewer"), ("Input.UnitId", app.World.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Input.ExpiresInDays", "7")));
        var html = await created.Content.ReadAsStringAsync();
        var list = await browser.GetStringAsync("/tokens");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = System.Text.RegularExpressions.Regex.Match(html, "ptds_[0-9a-f]{8}_[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(secret);
        Assert.Contains("page-token", list);
        Assert.DoesNotContain(secret, list);
    }

    private static HttpClient Client(PtdsApp app, string token)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
