using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Monitoring;

public sealed class MonitoringApiTests
{
    private sealed record Stations(int MocHoa, int TanAn, string MocHoaToken, string TanAnToken);

    /// <summary>Mộc Hóa (zone 1, BĐ1 1.2, BĐ3 2.0) and Tân An (no levels) in commune A, each with its own station token; the default rules.</summary>
    private static async Task<Stations> ArrangeAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        (ApiToken Row, string Secret) Token(string name)
        {
            var secret = TokenSecrets.Create();
            var row = new ApiToken { Name = name, Prefix = secret.Prefix, SecretHash = secret.SecretHash, Role = Role.Officer, UnitId = app.World.CommuneA.Id, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) };
            db.ApiTokens.Add(row);
            return (row, secret.Token);
        }

        var (mocHoaToken, mocHoaSecret) = Token("station-moc-hoa");
        var (tanAnToken, tanAnSecret) = Token("station-tan-an");
        await db.SaveChangesAsync();
        var mocHoa = new Station { Code = "MOC-HOA", Name = "Mộc Hóa", River = "Vàm Cỏ Tây", Zone = 1, Latitude = 10.75, Longitude = 105.94, UnitId = app.World.CommuneA.Id, IngestTokenId = mocHoaToken.Id };
        mocHoa.AlarmLevels.Add(new StationAlarmLevels { Bd1 = 1.2, Bd3 = 2.0, Source = "BĐ3 2.00 (thanhnien 20/10/2025); BĐ2 NOT VERIFIED" });
        var tanAn = new Station { Code = "TAN-AN", Name = "Tân An", Latitude = 10.54, Longitude = 106.43, UnitId = app.World.CommuneA.Id, IngestTokenId = tanAnToken.Id };
        tanAn.AlarmLevels.Add(new StationAlarmLevels { Source = "NOT VERIFIED" });
        db.Stations.AddRange(mocHoa, tanAn);
        db.RiskRules.AddRange(DefaultRiskRules.For(app.World.Province.Id));
        await db.SaveChangesAsync();
        return new Stations(mocHoa.Id, tanAn.Id, mocHoaSecret, tanAnSecret);
    }

    private static HttpClient WithToken(PtdsApp app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static object Batch(string station, params (int Minute, double Value)[] values) => new
    {
        observations = values.Select(v => new { station, time = DateTime.UtcNow.AddHours(-3).Date.AddHours(1).AddMinutes(v.Minute).ToString("yyyy-MM-ddTHH:mm:ssZ"), variable = "WaterLevel", value = v.Value }),
    };

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ingest_StationToken_IsIdempotentAndScopedToItsStation(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var s = await ArrangeAsync(app);
        var station = WithToken(app, s.MocHoaToken);

        var first = await (await station.PostAsJsonAsync("/api/v1/monitoring/observations", Batch("MOC-HOA", (0, 1.0), (5, 1.1), (10, 35.0)))).Content.ReadFromJsonAsync<JsonElement>();
        var again = await station.PostAsJsonAsync("/api/v1/monitoring/observations", Batch("MOC-HOA", (0, 1.0), (5, 1.1)));
        var otherStation = await station.PostAsJsonAsync("/api/v1/monitoring/observations", Batch("TAN-AN", (0, 1.0)));
        var noToken = await app.CreateClient().PostAsJsonAsync("/api/v1/monitoring/observations", Batch("MOC-HOA", (0, 1.0)));
        var empty = await station.PostAsJsonAsync("/api/v1/monitoring/observations", new { observations = Array.Empty<object>() });

        Assert.Equal((3, 2, 1), (first.GetProperty("received").GetInt32(), first.GetProperty("accepted").GetInt32(), first.GetProperty("rejected").GetInt32()));
        var rejected = Assert.Single(first.GetProperty("rejections").EnumerateArray());
        Assert.Equal((2, "value"), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("field").GetString()));
        Assert.Contains("plausible range", rejected.GetProperty("reason").GetString());
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 2), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, otherStation.StatusCode);
        Assert.Equal("application/problem+json", otherStation.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(2, await db.Observations.CountAsync());
        var audit = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "ObservationBatch").ToListAsync());
        Assert.Equal("token:station-moc-hoa", audit.Actor);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Ingest_ABodyThatIsNotABatch_IsRefusedWithAProblem(DatabaseProvider provider)
    {
        // Streamed without a declared length, so the limit is enforced while reading.
        var oversized = new StreamContent(new MemoryStream(new byte[CivilDefense.Web.Features.Monitoring.MonitoringApi.MaxBatchBytes + 1]));
        oversized.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        // An officer of the station's commune posts as a gateway would, with a bearer token.
        var station = app.ApiAs(app.World.OfficerA);

        var malformed = await station.PostAsync("/api/v1/monitoring/observations", Json("{\"observations\":[{\"station\":\"MOC-HOA\","));
        var notJson = await station.PostAsync("/api/v1/monitoring/observations", new StringContent("station,time\nMOC-HOA,x", Encoding.UTF8, "text/plain"));
        var tooLarge = await station.PostAsync("/api/v1/monitoring/observations", oversized);
        var document = await station.GetStringAsync("/openapi/v1.json");
        var wrongTypes = await station.PostAsync("/api/v1/monitoring/observations", Json("{\"observations\":[{\"station\":\"MOC-HOA\",\"time\":\"2025-10-01T00:05:00Z\",\"variable\":\"WaterLevel\",\"value\":\"1.5\"}]}"));

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("observations")[0].GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal("application/problem+json", tooLarge.Content.Headers.ContentType?.MediaType);
        var report = await wrongTypes.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, wrongTypes.StatusCode);
        Assert.Equal("value must be a number, not a string", report.GetProperty("rejections")[0].GetProperty("reason").GetString());
        Assert.Contains("Post a batch of observations", document);
        Assert.Contains("\"rejections\"", document);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.Observations.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CrossingBd3_RaisesADraftTheOperatorReviews_AndOtherCommunesCannotSeeIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var s = await ArrangeAsync(app);
        var station = WithToken(app, s.MocHoaToken);

        var response = await (await station.PostAsJsonAsync("/api/v1/monitoring/observations", Batch("MOC-HOA", (0, 1.9), (5, 2.03), (10, 1.98), (15, 2.02)))).Content.ReadFromJsonAsync<JsonElement>();
        var commander = app.ApiAs(app.World.Commander);
        var drafts = await commander.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/warnings?status=Draft");
        var officerB = app.ApiAs(app.World.OfficerB);
        var id = drafts[0].GetProperty("id").GetInt32();
        var hiddenReview = await officerB.PostAsJsonAsync($"/api/v1/monitoring/warnings/{id}/review", new { decision = "Dismissed", version = 0 });
        var hiddenStation = await officerB.GetAsync($"/api/v1/monitoring/stations/{s.MocHoa}");
        var officerBList = await officerB.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/warnings");
        var viewerReview = await app.ApiAs(app.World.Viewer).PostAsJsonAsync($"/api/v1/monitoring/warnings/{id}/review", new { decision = "Ready", version = 0 });
        var reviewed = await (await app.ApiAs(app.World.OfficerA).PostAsJsonAsync($"/api/v1/monitoring/warnings/{id}/review", new { decision = "Ready", note = "Đã kiểm tra", version = 0 })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, response.GetProperty("raisedWarnings").GetArrayLength());
        var draft = Assert.Single(drafts.EnumerateArray());
        Assert.Equal((2, "Flood", app.World.CommuneA.Id), (draft.GetProperty("level").GetInt32(), draft.GetProperty("hazard").GetString(), draft.GetProperty("unitId").GetInt32()));
        Assert.StartsWith("Mộc Hóa 2,03 m ≥ BĐ3 2,00 m, vùng 1", draft.GetProperty("explanationVi").GetString());
        Assert.Equal(HttpStatusCode.NotFound, hiddenReview.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenStation.StatusCode);
        Assert.Equal(0, officerBList.GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, viewerReview.StatusCode);
        Assert.Equal("Ready", reviewed.GetProperty("status").GetString());
        var station2 = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/stations/{s.MocHoa}");
        Assert.Equal(2, station2.GetProperty("currentLevel").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CsvBackfill_IsAllOrNothing_WithLineAndField(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var officer = app.ApiAs(app.World.OfficerA);
        static MultipartFormDataContent File(string csv) => new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "backfill.csv" } };
        const string bad = "station,time,variable,value\nTAN-AN,2025-10-01T00:00:00Z,WaterLevel,1.1\nTAN-AN,2025-10-01T00:05:00+07:00,WaterLevel,1.2\nTAN-AN,2025-10-01T00:10:00,WaterLevel,1.3\n";

        var refused = await officer.PostAsync("/api/v1/monitoring/observations/csv", File(bad));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var accepted = await officer.PostAsync("/api/v1/monitoring/observations/csv", File(bad.Replace("00:10:00,", "00:10:00Z,")));
        var viewer = await app.ApiAs(app.World.Viewer).PostAsync("/api/v1/monitoring/observations/csv", File(bad));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("time must state its offset (Z or +07:00)", problem.GetProperty("errors").GetProperty("line 4, field time")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(3, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(3, await db.Observations.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task RiskRules_AreReadByAll_AndEditedByTheProvinceOnly(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await ArrangeAsync(app);
        var rule = new
        {
            unitId = app.World.Province.Id,
            hazard = "HeavyRain",
            level = 2,
            windowHours = 24,
            minValue = 200.0,
            maxValue = 400.0,
            maxLevel = 5,
            legalSource = "QĐ 18/2021/QĐ-TTg (do tỉnh nhập)",
            lowerOffset = 0.0,
            upperOffset = 0.0,
            autoIssue = false,
            requiresSeriousDamage = false,
        };
        var officer = app.ApiAs(app.World.OfficerA);
        var commander = app.ApiAs(app.World.Commander);

        var seen = await officer.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/rules");
        var firstId = seen[0].GetProperty("id").GetInt32();
        var denied = await officer.PostAsJsonAsync("/api/v1/monitoring/rules", rule);
        var deniedUpdate = await officer.PutAsJsonAsync($"/api/v1/monitoring/rules/{firstId}", rule);
        var deniedDelete = await officer.DeleteAsync($"/api/v1/monitoring/rules/{firstId}");
        var created = await commander.PostAsJsonAsync("/api/v1/monitoring/rules", rule);
        var invalid = await commander.PostAsJsonAsync("/api/v1/monitoring/rules", rule with { minValue = 400.0, maxValue = 200.0 });
        var onCommune = await commander.PostAsJsonAsync("/api/v1/monitoring/rules", new { rule.hazard, rule.level, rule.windowHours, rule.minValue, rule.maxValue, rule.maxLevel, rule.legalSource, unitId = app.World.CommuneA.Id });

        Assert.Equal(6, seen.GetArrayLength());
        Assert.All(seen.EnumerateArray(), r => Assert.False(r.GetProperty("canEdit").GetBoolean()));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedDelete.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("maxValue", (await invalid.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, onCommune.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Pages_ShowStationsChartWarningsAndRules_AndHideOtherCommunes(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var s = await ArrangeAsync(app);
        await WithToken(app, s.MocHoaToken).PostAsJsonAsync("/api/v1/monitoring/observations", Batch("MOC-HOA", (0, 1.9), (5, 2.1)));
        var browser = await app.SignInAsync(app.World.Commander);

        var list = await browser.GetStringAsync("/monitoring");
        var page = await browser.GetStringAsync($"/monitoring/station/{s.MocHoa}");
        var warnings = await browser.GetStringAsync("/monitoring/warnings");
        var rules = await browser.GetStringAsync("/monitoring/rules");
        var csv = await browser.GetStringAsync("/monitoring?format=csv");
        var upload = await browser.GetAsync("/monitoring/upload");
        var officerB = await app.SignInAsync(app.World.OfficerB);

        Assert.Contains("data-station=\"MOC-HOA\"", list);
        Assert.Contains("id=\"station-map\"", list);
        Assert.Contains("id=\"station-chart\"", page);
        Assert.Contains("{\"name\":\"B\\u01103\",\"value\":2}", page);
        Assert.Contains("NOT VERIFIED", page);
        Assert.Contains("Duyệt, chờ ban hành", warnings);
        Assert.Contains("Mộc Hóa 2,10 m ≥ BĐ3 2,00 m", warnings);
        Assert.Contains("id=\"new-rule\"", rules);
        Assert.Contains("MOC-HOA", csv);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officerB.GetAsync($"/monitoring/station/{s.MocHoa}")).StatusCode);
        Assert.DoesNotContain("MOC-HOA", await officerB.GetStringAsync("/monitoring"));
        Assert.DoesNotContain("id=\"new-rule\"", await officerB.GetStringAsync("/monitoring/rules"));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateStation_SetsZoneAndVariablesInScope_AndIsDeniedOutsideIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var s = await ArrangeAsync(app);
        var input = new { zone = 2, @operator = "Đài KTTV khu vực Nam Bộ", variables = "WaterLevel, Rainfall", waterLevelMin = -1.0, waterLevelMax = 6.0, ingestTokenId = (int?)null, version = 0 };

        var viewer = await app.ApiAs(app.World.Viewer).PutAsJsonAsync($"/api/v1/monitoring/stations/{s.TanAn}", input);
        var outside = await app.ApiAs(app.World.OfficerB).PutAsJsonAsync($"/api/v1/monitoring/stations/{s.TanAn}", input);
        var badVariables = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/monitoring/stations/{s.TanAn}", input with { variables = "Snow" });
        var updated = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/monitoring/stations/{s.TanAn}", input);
        var stale = await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/monitoring/stations/{s.TanAn}", input);

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badVariables.StatusCode);
        var view = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2, false), (view.GetProperty("zone").GetInt32(), view.GetProperty("variables").GetArrayLength(), view.GetProperty("boundToToken").GetBoolean()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Station) && a.Action == "Update"));
    }
}
