using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Territory;

public sealed class TerritoryApiTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task GetUnit_OtherCommune_AnswersNotFoundWithoutRevealing(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);

        var own = await officer.GetAsync($"/api/v1/units/{app.World.CommuneA.Id}");
        var other = await officer.GetAsync($"/api/v1/units/{app.World.CommuneB.Id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListUnits_ByScope_ShowsOnlyTheSubtree(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);

        var commander = await app.ApiAs(app.World.Commander).GetFromJsonAsync<JsonElement>($"/api/v1/units?parentId={app.World.Province.Id}");
        var officer = await app.ApiAs(app.World.OfficerA).GetFromJsonAsync<JsonElement>("/api/v1/units?search=T%C3%A2n");

        Assert.Equal(2, commander.GetProperty("total").GetInt32());
        var codes = officer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["27700"], codes);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateUnit_ByCommander_SavesAndAudits(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);

        var response = await commander.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", UpdateBody(version: 0, households: 31_250));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        await using var db = app.OpenDatabase();
        var audit = await db.AuditEntries.Where(a => a.EntityType == "AdministrativeUnit" && a.Action == "Update").SingleAsync();
        Assert.Equal("token:commander-token", audit.Actor);
        Assert.Contains("\"Households\":31250", audit.After);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateUnit_StaleVersion_AnswersConflict(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);
        await commander.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", UpdateBody(version: 0, households: 1));

        var stale = await commander.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", UpdateBody(version: 0, households: 2));

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateUnit_ByViewerOrOfficer_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);

        var viewer = await app.ApiAs(app.World.Viewer).PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", UpdateBody(0, 5));
        var officer = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", UpdateBody(0, 5));
        var officerOther = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/units/{app.World.CommuneB.Id}", UpdateBody(0, 5));

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, officerOther.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Null((await db.Units.SingleAsync(u => u.Id == app.World.CommuneA.Id)).Households);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateUnit_UnknownFieldOrBadValue_IsRejectedWithProblemDetails(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);
        var url = $"/api/v1/units/{app.World.CommuneA.Id}";

        var unknown = await commander.PutAsync(url, new StringContent("""{"version":0,"name":"X","fullName":"X","colour":"red"}""", Encoding.UTF8, "application/json"));
        var negative = await commander.PutAsJsonAsync(url, UpdateBody(0, -5));
        var broken = await commander.PutAsync(url, new StringContent("{\"version\":", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("colour", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("households", (await negative.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("application/problem+json", broken.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateUnit_DuplicateCode_IsRejectedOnTheField(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);

        var response = await commander.PostAsJsonAsync("/api/v1/units", new { parentId = app.World.Province.Id, code = "27700", kind = "Commune", name = "Trùng", fullName = "Xã Trùng" });
        var created = await commander.PostAsJsonAsync("/api/v1/units", new { parentId = app.World.Province.Id, code = "99999", kind = "Commune", name = "Mới", fullName = "Xã Mới" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("code", (await response.Content.ReadAsStringAsync()).ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Request_Oversized_IsRefusedWith413()
    {
        await using var app = await PtdsApp.StartAsync(DatabaseProvider.Sqlite);
        var commander = app.ApiAs(app.World.Commander);
        var huge = "{\"version\":0,\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";

        var response = await commander.PutAsync($"/api/v1/units/{app.World.CommuneA.Id}", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UnitMap_ReturnsChildrenWithDensity(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using (var db = app.OpenDatabase())
        {
            var a = await db.Units.SingleAsync(u => u.Id == app.World.CommuneA.Id);
            a.BoundarySimplified = """{"type":"Polygon","coordinates":[[[106.3,10.5],[106.4,10.5],[106.4,10.6],[106.3,10.5]]]}""";
            await db.SaveChangesAsync();
        }

        var map = await app.ApiAs(app.World.Commander).GetFromJsonAsync<JsonElement>($"/api/v1/units/{app.World.Province.Id}/map");

        var feature = Assert.Single(map.GetProperty("features").EnumerateArray());
        Assert.Equal("27700", feature.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal(2000, feature.GetProperty("properties").GetProperty("density").GetDouble());
    }

    private static object UpdateBody(int version, int households) => new
    {
        version,
        name = "Tân An",
        fullName = "Phường Tân An",
        population = 100_000,
        households,
        areaKm2 = 50.0,
    };
}
