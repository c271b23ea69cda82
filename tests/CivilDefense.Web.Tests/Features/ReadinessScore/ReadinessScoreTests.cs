using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Readiness;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Shelters;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.ReadinessScore;

public sealed class ReadinessScoreTests
{
    /// <summary>The default norms for the province, A flood-prone, and A's centroid with a shelter beside it.</summary>
    private static async Task ArrangeAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        await ReadinessSeed.SeedDefaultNormsAsync(db, app.World.Province.Id, CancellationToken.None);
        var a = await db.Units.SingleAsync(u => u.Id == app.World.CommuneA.Id);
        var b = await db.Units.SingleAsync(u => u.Id == app.World.CommuneB.Id);
        (a.CentroidLat, a.CentroidLon, b.CentroidLat, b.CentroidLon) = (10.53, 106.41, 11.58, 105.92);
        db.UnitHazardProfiles.Add(new UnitHazardProfile { UnitId = a.Id, Profile = HazardProfile.FloodProne, ExposedResidents = 40_000 });
        db.Shelters.Add(new Shelter { UnitId = a.Id, Name = "Trường THCS Tân An", Kind = ShelterKind.DualUseBuilding, Capacity = 5_000, Latitude = 10.531, Longitude = 106.411, Condition = AssetCondition.Good });
        db.SupplyStocks.Add(new SupplyStock { UnitId = a.Id, Category = SupplyCategory.Food, ItemName = "Gạo", Quantity = 2_000, UnitOfMeasure = "kg", ExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) });
        await db.SaveChangesAsync();
    }

    private static async Task AddBoatsAsync(PtdsApp app, TestUser who, int quantity)
    {
        var actor = new Actor(who.UserName, who.Role, who.UnitId, (await UnitPathAsync(app, who.UnitId)), UserId: who.Id);
        await using var db = app.OpenDatabase(actor);
        var boat = await db.EquipmentTypes.SingleAsync(t => t.Code == "BOAT-ALU");
        db.EquipmentLots.Add(new EquipmentLot { UnitId = who.UnitId, EquipmentTypeId = boat.Id, Quantity = quantity, Condition = AssetCondition.Good });
        await db.SaveChangesAsync();
    }

    private static async Task<string> UnitPathAsync(PtdsApp app, int unitId)
    {
        await using var db = app.OpenDatabase();
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleAsync();
    }

    private static JsonElement Metric(JsonElement card, string key) =>
        card.GetProperty("components").EnumerateArray().SelectMany(c => c.GetProperty("metrics").EnumerateArray())
            .Single(m => m.GetProperty("metricKey").GetString() == key);

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Commander_sees_the_province_roll_up_and_a_commune_fixing_its_data_changes_its_score(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var commander = app.ApiAs(app.World.Commander);
        var a = app.World.CommuneA.Id;

        var report = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/scorecards?unitId={app.World.Province.Id}");
        Assert.Equal(2, report.GetProperty("cards").GetArrayLength());
        Assert.Equal(140_000, report.GetProperty("rollup").GetProperty("population").GetInt64());
        var before = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/scorecards/{a}");
        var boats = Metric(before.GetProperty("card"), "boats_per_commune");
        Assert.Equal((0.0, 3.0, "FloodProne"), (boats.GetProperty("actual").GetDouble(), boats.GetProperty("required").GetDouble(), boats.GetProperty("profile").GetString()));
        Assert.Equal(5_000, before.GetProperty("facts").GetProperty("shelterPlaces").GetInt32());

        await AddBoatsAsync(app, app.World.OfficerA, 3);
        var recorded = await app.ApiAs(app.World.OfficerA).PostAsync($"/api/v1/readiness/snapshots?unitId={a}", null);

        var after = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/scorecards/{a}");
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(1.0, Metric(after.GetProperty("card"), "boats_per_commune").GetProperty("ratio").GetDouble());
        Assert.True(after.GetProperty("card").GetProperty("overall").GetDouble() > before.GetProperty("card").GetProperty("overall").GetDouble());
        Assert.Single(after.GetProperty("trend").EnumerateArray());

        var browser = await app.SignInAsync(app.World.Commander);
        var overview = await browser.GetStringAsync($"/readiness?unitId={app.World.Province.Id}");
        Assert.Contains("id=\"gap-list\"", overview);
        Assert.Contains($"/readiness/unit/{app.World.CommuneB.Id}", overview);
        var unitPage = await browser.GetStringAsync($"/readiness/unit/{a}");
        Assert.Contains("Phương tiện, vật tư tại chỗ", unitPage);
        Assert.Contains("data-metric=\"boats_per_commune\"", unitPage);

        // Every registry link of the unit page opens its page.
        var links = System.Text.RegularExpressions.Regex.Matches(unitPage, "href=\"(/readiness/[a-z-]+\\?unitId=\\d+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(links.Count >= 6, string.Join(", ", links));
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Officer_B_cannot_read_commune_A(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var officerB = app.ApiAs(app.World.OfficerB);
        var a = app.World.CommuneA.Id;

        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/api/v1/readiness/scorecards/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/api/v1/readiness/scorecards?unitId={a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/api/v1/readiness/coverage?unitId={a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/api/v1/readiness/reminders?unitId={a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(app.World.OfficerB)).GetAsync($"/readiness/unit/{a}")).StatusCode);

        // Their own scorecards cover their commune only.
        var own = await officerB.GetFromJsonAsync<JsonElement>("/api/v1/readiness/scorecards");
        Assert.Equal(app.World.CommuneB.Id, Assert.Single(own.GetProperty("cards").EnumerateArray()).GetProperty("unitId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Norms_are_read_by_all_in_scope_and_edited_only_by_provincial_commanders(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var officerA = app.ApiAs(app.World.OfficerA);
        var commander = app.ApiAs(app.World.Commander);

        var seen = await officerA.GetFromJsonAsync<JsonElement[]>("/api/v1/readiness/norms");
        var boats = seen!.First(n => n.GetProperty("metricKey").GetString() == "boats_per_commune" && n.GetProperty("profile").GetString() == "FloodProne");
        var id = boats.GetProperty("id").GetInt32();
        Assert.False(boats.GetProperty("canEdit").GetBoolean());
        var edit = new { unitId = app.World.Province.Id, profile = "FloodProne", metricKey = "boats_per_commune", target = 5, weight = 2, measureUnit = "boats", source = "Quyết định của UBND tỉnh (thử)", version = 0 };

        Assert.Equal(HttpStatusCode.Forbidden, (await officerA.PutAsJsonAsync($"/api/v1/readiness/norms/{id}", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerA.PostAsJsonAsync("/api/v1/readiness/norms", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officerA.DeleteAsync($"/api/v1/readiness/norms/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.Viewer).PutAsJsonAsync($"/api/v1/readiness/norms/{id}", edit)).StatusCode);
        var adminNorm = await app.ApiAs(app.World.Admin).PostAsJsonAsync("/api/v1/readiness/norms", edit with { });
        Assert.Equal(HttpStatusCode.Created, adminNorm.StatusCode);
        var onCommune = await commander.PostAsJsonAsync("/api/v1/readiness/norms", new { unitId = app.World.CommuneA.Id, profile = "General", metricKey = "pumps_per_commune", target = 1, weight = 1, measureUnit = "pumps" });
        var unknownMetric = await commander.PostAsJsonAsync("/api/v1/readiness/norms", new { unitId = app.World.Province.Id, profile = "General", metricKey = "helicopters", target = 1, weight = 1, measureUnit = "x" });
        var updated = await commander.PutAsJsonAsync($"/api/v1/readiness/norms/{id}", edit);
        var stale = await commander.PutAsJsonAsync($"/api/v1/readiness/norms/{id}", edit);

        Assert.Equal(HttpStatusCode.BadRequest, onCommune.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownMetric.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var card = await officerA.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/scorecards/{app.World.CommuneA.Id}");
        Assert.Equal(5.0, Metric(card.GetProperty("card"), "boats_per_commune").GetProperty("required").GetDouble());

        // The page refuses the officer's form post too.
        var browser = await app.SignInAsync(app.World.OfficerA);
        var page = await browser.GetStringAsync("/readiness/norms");
        Assert.DoesNotContain("id=\"new-norm\"", page);
        var post = await browser.PostAsync($"/readiness/norms?handler=Save&id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UnitId"] = app.World.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Profile"] = "FloodProne",
            ["MetricKey"] = "boats_per_commune",
            ["Target"] = "0",
            ["Weight"] = "1",
            ["MeasureUnit"] = "boats",
            ["Version"] = "1",
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(page),
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(5.0, (await db.ReadinessNorms.SingleAsync(n => n.Id == id)).Target);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Coverage_and_reminders_for_the_province(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var commander = app.ApiAs(app.World.Commander);

        var coverage = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/readiness/coverage?unitId={app.World.Province.Id}&distanceKm=2");
        var byUnit = coverage.GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("unitId").GetInt32());
        var reminders = await commander.GetFromJsonAsync<JsonElement[]>($"/api/v1/readiness/reminders?unitId={app.World.Province.Id}");
        var badDistance = await commander.GetAsync($"/api/v1/readiness/coverage?unitId={app.World.Province.Id}&distanceKm=0");

        // A's 100,000 residents sit at its centroid (no boundary), 150 m from 5,000 places; B has none within reach.
        Assert.Equal(5_000, byUnit[app.World.CommuneA.Id].GetProperty("covered").GetInt32());
        Assert.Equal(0, byUnit[app.World.CommuneB.Id].GetProperty("covered").GetInt32());
        Assert.Equal(2, coverage.GetProperty("shortUnits").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badDistance.StatusCode);
        Assert.Contains(reminders!, r => r.GetProperty("kind").GetString() == "SupplyExpiring" && r.GetProperty("itemName").GetString() == "Gạo");
        Assert.Contains(reminders!, r => r.GetProperty("kind").GetString() == "ShelterNotInspected");
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Hazard_profiles_are_set_by_the_province_and_refused_to_communes(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var a = app.World.CommuneA.Id;
        var profiles = new[] { new { profile = "FloodProne", exposedResidents = (int?)40_000, basis = (string?)"Khảo sát 2026" }, new { profile = "Urban", exposedResidents = (int?)null, basis = (string?)null } };

        var set = await app.ApiAs(app.World.Commander).PutAsJsonAsync($"/api/v1/readiness/units/{a}/profiles", profiles);
        var officer = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/readiness/units/{a}/profiles", profiles);
        var otherCommune = await app.ApiAs(app.World.OfficerB).GetAsync($"/api/v1/readiness/units/{a}/profiles");
        var tooMany = await app.ApiAs(app.World.Commander).PutAsJsonAsync($"/api/v1/readiness/units/{a}/profiles", new[] { new { profile = "Urban", exposedResidents = (int?)5_000_000, basis = (string?)null } });
        var read = await app.ApiAs(app.World.OfficerA).GetFromJsonAsync<JsonElement>($"/api/v1/readiness/units/{a}/profiles");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCommune.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Equal(["FloodProne", "Urban"], read.EnumerateArray().Select(p => p.GetProperty("profile").GetString()));
        Assert.Equal(40_000, read[0].GetProperty("exposedResidents").GetInt32());
    }
}
