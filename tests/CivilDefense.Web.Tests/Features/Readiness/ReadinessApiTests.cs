using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Readiness;

public sealed class ReadinessApiTests
{
    private static object Rice(int unitId, double quantity = 500, int? owner = null) =>
        new { unitId, ownerOrganizationId = owner, category = "Food", itemName = "Gạo", quantity, unitOfMeasure = "kg", storagePointId = (int?)null, expiresOn = "2027-01-01" };

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Officer_manages_its_commune_and_cannot_touch_another(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officerA = app.ApiAs(app.World.OfficerA);
        var officerB = app.ApiAs(app.World.OfficerB);

        var created = await officerA.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var supply = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = supply.GetProperty("id").GetInt32();
        var updated = await officerA.PutAsJsonAsync($"/api/v1/readiness/supplies/{id}", new
        {
            unitId = app.World.CommuneA.Id,
            category = "Food",
            itemName = "Gạo tẻ",
            quantity = 650,
            unitOfMeasure = "kg",
            version = supply.GetProperty("version").GetInt32(),
        });
        var list = await officerA.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/supplies?unitId={app.World.CommuneA.Id}&category=Food&search=g%E1%BA%A1o");

        var getByB = await officerB.GetAsync($"/api/v1/readiness/supplies/{id}");
        var putByB = await officerB.PutAsJsonAsync($"/api/v1/readiness/supplies/{id}", new { unitId = app.World.CommuneB.Id, category = "Food", itemName = "X", quantity = 1, unitOfMeasure = "kg", version = 1 });
        var deleteByB = await officerB.DeleteAsync($"/api/v1/readiness/supplies/{id}");
        var createInAByB = await officerB.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id));

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Gạo tẻ", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("itemName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, getByB.StatusCode);
        Assert.Equal("application/problem+json", getByB.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, putByB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deleteByB.StatusCode);
        Assert.Contains(createInAByB.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(HttpStatusCode.NoContent, (await officerA.DeleteAsync($"/api/v1/readiness/supplies/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Viewer_cannot_write_and_liaison_writes_only_its_organisation(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var viewer = app.ApiAs(app.World.Viewer);
        var liaison = app.ApiAs(app.World.LiaisonA);
        var officerA = app.ApiAs(app.World.OfficerA);
        var officers = await (await officerA.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id))).Content.ReadFromJsonAsync<JsonElement>();

        var viewerCreate = await viewer.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id));
        var viewerImport = await viewer.PostAsync("/api/v1/readiness/supplies/import", Upload("supplies.csv", "unit_code\n"));
        var viewerRead = await viewer.GetAsync("/api/v1/readiness/supplies");
        var ownOrg = await liaison.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id, owner: app.World.OrganizationA.Id));
        var noOrg = await liaison.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id));
        var officersRecord = await liaison.DeleteAsync($"/api/v1/readiness/supplies/{officers.GetProperty("id").GetInt32()}");

        Assert.Equal(HttpStatusCode.Forbidden, viewerCreate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewerImport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewerRead.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownOrg.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noOrg.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officersRecord.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(2, await db.SupplyStocks.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Bad_input_gets_problem_details(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);

        var negative = await officer.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id, -5));
        var abroad = await officer.PostAsJsonAsync("/api/v1/readiness/shelters", new { unitId = app.World.CommuneA.Id, kind = "EvacuationCentre", name = "Nhà văn hóa", capacity = 200, latitude = 35.6, longitude = 139.7 });
        var unknownMember = await officer.PostAsJsonAsync("/api/v1/readiness/logistics-points", new { unitId = app.World.CommuneA.Id, kind = "Depot", name = "Kho", colour = "red" });
        var badCategory = await officer.GetAsync("/api/v1/readiness/equipment?category=Spaceship");

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("Quantity", await negative.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, abroad.StatusCode);
        Assert.Equal("application/problem+json", abroad.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMember.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Export_and_import_round_trip_in_CSV_and_XLSX_and_a_bad_file_changes_nothing(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        await officer.PostAsJsonAsync("/api/v1/readiness/shelters", new { unitId = app.World.CommuneA.Id, kind = "DualUseBuilding", buildingUse = "School", name = "Trường THCS Tân An", capacity = 450, latitude = 10.54, longitude = 106.41, hasWater = true });
        await officer.PostAsJsonAsync("/api/v1/readiness/shelters", new { unitId = app.World.CommuneA.Id, kind = "DualUseBuilding", buildingUse = "Pagoda", name = "Chùa Phước Lâm", capacity = 120 });

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var file = await officer.GetAsync($"/api/v1/readiness/shelters/export?format={format}&unitId={app.World.CommuneA.Id}");
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            var content = new ByteArrayContent(await file.Content.ReadAsByteArrayAsync());
            var import = await officer.PostAsync("/api/v1/readiness/shelters/import", new MultipartFormDataContent { { content, "file", "shelters." + format } });
            var report = await import.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
            Assert.Equal(2, report.GetProperty("updated").GetInt32());
        }

        const string bad = "unit_code,kind,name,capacity,latitude,longitude\n27700,EvacuationCentre,Điểm sơ tán mới,300,10.5,106.4\n25480,DualUseBuilding,Trường xã B,-1,10.5,190\n";
        var refused = await officer.PostAsync("/api/v1/readiness/shelters/import", Upload("shelters.csv", bad));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString())).ToList();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((3, "unit_code"), fields);
        Assert.Contains((3, "capacity"), fields);
        Assert.Contains((3, "longitude"), fields);
        await using var db = app.OpenDatabase();
        Assert.Equal(2, await db.Shelters.CountAsync());
        Assert.Equal(450, (await db.Shelters.SingleAsync(s => s.Name == "Trường THCS Tân An")).Capacity);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Stock_count_is_previewed_then_applied_and_other_communes_cannot_see_it(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var rice = await (await officer.PostAsJsonAsync("/api/v1/readiness/supplies", Rice(app.World.CommuneA.Id))).Content.ReadFromJsonAsync<JsonElement>();
        var riceId = rice.GetProperty("id").GetInt32();

        var submitted = await officer.PostAsJsonAsync("/api/v1/readiness/stock-counts", new
        {
            unitId = app.World.CommuneA.Id,
            countedOn = "2026-06-30",
            lines = new[] { new { itemKind = "Supply", itemId = riceId, quantity = 430.5 } },
        });
        var count = await submitted.Content.ReadFromJsonAsync<JsonElement>();
        var countId = count.GetProperty("id").GetInt32();
        var preview = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/stock-counts/{countId}/preview");
        var byB = await app.ApiAs(app.World.OfficerB).GetAsync($"/api/v1/readiness/stock-counts/{countId}");
        var applyByViewer = await app.ApiAs(app.World.Viewer).PostAsJsonAsync($"/api/v1/readiness/stock-counts/{countId}/apply", new { version = count.GetProperty("version").GetInt32() });
        var applied = await officer.PostAsJsonAsync($"/api/v1/readiness/stock-counts/{countId}/apply", new { version = count.GetProperty("version").GetInt32() });
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/supplies/{riceId}");
        var history = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/stock-counts?unitId={app.World.CommuneA.Id}");

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(-69.5, preview.GetProperty("lines")[0].GetProperty("delta").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, byB.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, applyByViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(430.5, after.GetProperty("quantity").GetDouble());
        Assert.Equal("Applied", Assert.Single(history.GetProperty("items").EnumerateArray()).GetProperty("state").GetString());
    }

    private static MultipartFormDataContent Upload(string name, string text) =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };
}
