using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Alerts;

public sealed class AlertsApiTests
{
    private static readonly XNamespace Cap = CapAlert.Namespace;

    internal static object FloodInput(int communeId, string headline = "Cảnh báo lũ trên sông Vàm Cỏ Đông") => new
    {
        hazard = "Flood",
        riskLevel = 2,
        areaUnitIds = new[] { communeId },
        polygon = "11.30,106.10 11.30,106.20 11.40,106.20 11.40,106.10",
        areaDescription = "Ven sông Vàm Cỏ Đông",
        texts = new Dictionary<string, object>
        {
            ["vi-VN"] = new { headline, description = "Mực nước tại trạm Gò Dầu Hạ vượt báo động 2.", instruction = "Di dời người dân vùng trũng." },
            ["en-US"] = new { headline = "Flood warning on the Vam Co Dong river", description = "The water level at Go Dau Ha is above alarm level 2.", instruction = "Move people out of low-lying areas." },
        },
    };

    internal static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Compose_issue_publish_update_and_cancel_through_references(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);

        var draft = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", FloodInput(app.World.CommuneA.Id)), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        var preview = await ReadAsync(await commander.GetAsync($"/api/v1/alerts/{id}/preview"), HttpStatusCode.OK);
        Assert.True(preview.GetProperty("canIssue").GetBoolean(), preview.ToString());
        Assert.Contains("VN_MA_DVHC", preview.GetProperty("xml").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/cap/alerts/PTDS-80-x.xml")).StatusCode);

        var issued = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{id}/issue", null), HttpStatusCode.OK);
        var identifier = issued.GetProperty("identifier").GetString()!;
        Assert.StartsWith("PTDS-80-", identifier);
        Assert.EndsWith("-" + id, identifier);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await commander.PostAsync($"/api/v1/alerts/{id}/issue", null)).StatusCode);

        // Public, no login: the message exactly as issued, clean under the validator, in the feed.
        var anonymous = app.CreateClient();
        var xmlResponse = await anonymous.GetAsync($"/cap/alerts/{identifier}.xml");
        Assert.Equal(HttpStatusCode.OK, xmlResponse.StatusCode);
        Assert.Equal("application/cap+xml", xmlResponse.Content.Headers.ContentType!.MediaType);
        var published = await xmlResponse.Content.ReadAsByteArrayAsync();
        var reading = CapReading.Of(CapDocument.Load(published).Alerts.Single().Element);
        Assert.Empty(reading.Findings);
        Assert.Equal(2, reading.Alert!.Infos.Count);
        Assert.Equal(["vi-VN", "en-US"], reading.Alert.Infos.Select(i => i.Language));
        Assert.Equal(new Uri($"http://localhost/cap/alerts/{identifier}.xml"), reading.Alert.Infos[0].Web);
        var feed = CapFeedReader.Read(await anonymous.GetByteArrayAsync("/cap/feed.atom"), new Uri("http://localhost/cap/feed.atom"))!;
        Assert.Equal(new Uri($"http://localhost/cap/alerts/{identifier}.xml"), Assert.Single(feed.Entries).AlertLink);

        // Update: a new message that references the original.
        var update = await ReadAsync(await commander.PostAsJsonAsync($"/api/v1/alerts/{id}/update", FloodInput(app.World.CommuneB.Id, "Lũ lên nhanh, mở rộng vùng cảnh báo")), HttpStatusCode.Created);
        Assert.Equal("Update", update.GetProperty("messageType").GetString());
        var updated = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{update.GetProperty("id").GetInt32()}/issue", null), HttpStatusCode.OK);
        var original = $"ptds@tayninh.gov.vn,{identifier},{issued.GetProperty("sent").GetString()}";
        Assert.Equal(original, updated.GetProperty("references").GetString());

        // Cancel of the update: references the original and the update; both are withdrawn and stay published.
        var cancel = await ReadAsync(await commander.PostAsJsonAsync($"/api/v1/alerts/{updated.GetProperty("id").GetInt32()}/cancel", new { note = "Nước đã rút" }), HttpStatusCode.Created);
        Assert.Equal("Cancel", cancel.GetProperty("messageType").GetString());
        var updateRef = $"ptds@tayninh.gov.vn,{updated.GetProperty("identifier").GetString()},{updated.GetProperty("sent").GetString()}";
        Assert.Equal($"{original} {updateRef}", cancel.GetProperty("references").GetString());
        var cancelXml = await anonymous.GetByteArrayAsync($"/cap/alerts/{cancel.GetProperty("identifier").GetString()}.xml");
        var cancelReading = CapReading.Of(CapDocument.Load(cancelXml).Alerts.Single().Element);
        Assert.DoesNotContain(cancelReading.Findings, f => f.Severity == CapFindingSeverity.Error);
        Assert.Equal(CapMessageType.Cancel, cancelReading.Alert!.MessageType);
        Assert.Equal(published, await anonymous.GetByteArrayAsync($"/cap/alerts/{identifier}.xml"));
        Assert.Equal("Cancelled", (await ReadAsync(await commander.GetAsync($"/api/v1/alerts/{id}"), HttpStatusCode.OK)).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await commander.PostAsJsonAsync($"/api/v1/alerts/{id}/cancel", new { })).StatusCode);

        // Newest first: the Cancel heads the feed.
        feed = CapFeedReader.Read(await anonymous.GetByteArrayAsync("/cap/feed.atom"), new Uri("http://localhost/cap/feed.atom"))!;
        Assert.Equal(3, feed.Entries.Count);
        Assert.EndsWith(cancel.GetProperty("identifier").GetString() + ".xml", feed.Entries[0].AlertLink!.AbsoluteUri);

        await using var db = app.OpenDatabase();
        var audited = await db.AuditEntries.Where(a => a.EntityType == nameof(IssuedAlert)).CountAsync();
        Assert.True(audited >= 8, $"{audited} audit entries");
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_feed_answers_conditional_gets(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);
        var anonymous = app.CreateClient();
        var empty = await anonymous.GetAsync("/cap/feed.atom");
        Assert.Equal("application/atom+xml", empty.Content.Headers.ContentType!.MediaType);

        var draft = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", FloodInput(app.World.CommuneA.Id)), HttpStatusCode.Created);
        await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{draft.GetProperty("id").GetInt32()}/issue", null), HttpStatusCode.OK);
        var first = await anonymous.GetAsync("/cap/feed.atom");
        var etag = first.Headers.ETag!;
        Assert.NotEqual(empty.Headers.ETag, etag);
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = new HttpRequestMessage(HttpMethod.Get, "/cap/feed.atom");
        byTag.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(byTag)).StatusCode);
        using var byDate = new HttpRequestMessage(HttpMethod.Get, "/cap/feed.atom");
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(byDate)).StatusCode);
        using var stale = new HttpRequestMessage(HttpMethod.Get, "/cap/feed.atom");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"stale\""));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale)).StatusCode);
        using var older = new HttpRequestMessage(HttpMethod.Get, "/cap/feed.atom");
        older.Headers.IfModifiedSince = lastModified.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(older)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Only_the_province_issues_and_other_provinces_alerts_are_not_found(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);
        var officerA = app.ApiAs(app.World.OfficerA);

        var denied = await officerA.PostAsJsonAsync("/api/v1/alerts", FloodInput(app.World.CommuneA.Id));
        Assert.True(HttpStatusCode.Forbidden == denied.StatusCode, await denied.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.Viewer).PostAsJsonAsync("/api/v1/alerts", FloodInput(app.World.CommuneA.Id))).StatusCode);

        var draft = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", FloodInput(app.World.CommuneA.Id)), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await officerA.PostAsync($"/api/v1/alerts/{id}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.Viewer).PostAsync($"/api/v1/alerts/{id}/issue", null)).StatusCode);
        // The commune reads its province's alert.
        Assert.Equal(HttpStatusCode.OK, (await officerA.GetAsync($"/api/v1/alerts/{id}")).StatusCode);

        // Validation: missing English text cannot be issued; a broken polygon is refused on entry.
        var input = JsonSerializer.SerializeToNode(FloodInput(app.World.CommuneA.Id))!;
        input["texts"]!.AsObject().Remove("en-US");
        var noEnglish = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", input), HttpStatusCode.Created);
        var refused = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{noEnglish.GetProperty("id").GetInt32()}/issue", null), HttpStatusCode.BadRequest);
        Assert.Contains("en-US", refused.GetProperty("errors").GetProperty("cap")[0].GetString());
        input["polygon"] = "11.3,106.1 bad";
        var badPolygon = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", input), HttpStatusCode.BadRequest);
        Assert.True(badPolygon.GetProperty("errors").TryGetProperty("polygon", out _));
        input["polygon"] = "11.30,106.10 11.40,106.20 11.30,106.20 11.40,106.10";
        var crossing = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts", FloodWith(app.World.CommuneA.Id, "11.30,106.10 11.40,106.20 11.30,106.20 11.40,106.10")), HttpStatusCode.Created);
        var selfIntersecting = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{crossing.GetProperty("id").GetInt32()}/issue", null), HttpStatusCode.BadRequest);
        Assert.Contains("cap.polygon.self-intersecting", selfIntersecting.GetProperty("errors").GetProperty("cap").ToString());

        // Another province's alert is out of sight: 404 to read, issue or cancel.
        var other = await SeedOtherProvinceAlertAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.GetAsync($"/api/v1/alerts/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.PostAsync($"/api/v1/alerts/{other}/issue", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.PostAsJsonAsync($"/api/v1/alerts/{other}/cancel", new { })).StatusCode);
        var list = await ReadAsync(await commander.GetAsync("/api/v1/alerts"), HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt32() == other && i.GetProperty("kind").GetString() == "issued");
    }

    private static object FloodWith(int communeId, string polygon)
    {
        var node = JsonSerializer.SerializeToNode(FloodInput(communeId))!;
        node["polygon"] = polygon;
        return node;
    }

    private static async Task<int> SeedOtherProvinceAlertAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        var other = new AdministrativeUnit { Code = "72", Kind = UnitKind.Province, Name = "Long An", FullName = "Tỉnh Long An", ParentId = app.World.Country.Id };
        db.Units.Add(other);
        await db.SaveChangesAsync();
        var alert = new IssuedAlert { UnitId = other.Id, Sender = "ptds@longan.gov.vn", CreatedBy = "system", State = AlertState.Draft, Hazard = PtdsHazard.Flood, RiskLevel = 1 };
        db.IssuedAlerts.Add(alert);
        await db.SaveChangesAsync();
        return alert.Id;
    }
}
