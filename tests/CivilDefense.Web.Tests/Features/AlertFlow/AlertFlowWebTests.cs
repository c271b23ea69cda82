using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Monitoring;
using CivilDefense.Core.Tests.Alerts.Delivery;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.AlertFlow;

/// <summary>
/// The whole way: a station crosses BĐ3, the draft warning becomes an alert, the province issues
/// it, and the hosted dispatcher delivers it to loopback SMS, SMTP and webhook receivers.
/// </summary>
public sealed class AlertFlowWebTests
{
    private const string WebhookSecret = "webhook-secret-of-at-least-32-bytes!";

    private sealed record Arranged(string StationToken, Subscriber Vi, Subscriber En, Subscriber Duty, Subscriber Outside);

    /// <summary>Mộc Hóa (zone 1, BĐ3 2.0) in commune A with its token, the default rules, and subscribers in A and B.</summary>
    private static async Task<Arranged> ArrangeAsync(PtdsApp app, string webhookUrl)
    {
        await using var db = app.OpenDatabase();
        var secret = TokenSecrets.Create();
        var token = new ApiToken { Name = "station-moc-hoa", Prefix = secret.Prefix, SecretHash = secret.SecretHash, Role = Role.Officer, UnitId = app.World.CommuneA.Id, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        var station = new Station { Code = "MOC-HOA", Name = "Mộc Hóa", Zone = 1, Latitude = 10.75, Longitude = 105.94, UnitId = app.World.CommuneA.Id, IngestTokenId = token.Id };
        station.AlarmLevels.Add(new StationAlarmLevels { Bd1 = 1.2, Bd3 = 2.0, Source = "BĐ3 2.00 (test)" });
        db.Stations.Add(station);
        db.RiskRules.AddRange(DefaultRiskRules.For(app.World.Province.Id));
        Subscriber Add(string name, int unitId, string language, string? phone = null, string? email = null, string? webhook = null) => new()
        {
            Kind = webhook is null ? SubscriberKind.Resident : SubscriberKind.DutyContact,
            OrganizationId = webhook is null ? null : app.World.OrganizationA.Id,
            ContactOrder = webhook is null ? null : 1,
            Name = name,
            Phone = phone,
            Email = email,
            WebhookUrl = webhook,
            Language = language,
            UnitId = unitId,
            Status = SubscriberStatus.Active,
            Origin = SubscriberOrigin.Staff,
            CreatedAt = DateTime.UtcNow,
        };
        var arranged = new Arranged(
            secret.Token,
            Add("Bà Năm", app.World.CommuneA.Id, "vi", phone: "+84901000001"),
            Add("John", app.World.CommuneA.Id, "en", email: "john@example.vn"),
            Add("UBND phường Tân An", app.World.CommuneA.Id, "vi", phone: "+84901000002", webhook: webhookUrl),
            Add("Ông Sáu", app.World.CommuneB.Id, "vi", phone: "+84901000009"));
        db.Subscribers.AddRange(arranged.Vi, arranged.En, arranged.Duty, arranged.Outside);
        await db.SaveChangesAsync();
        return arranged;
    }

    private static HttpClient Client(WebApplicationFactory<Program> site, string token)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task StationCrossesBd3_OperatorIssuesTheWarning_AndEverySubscriberInTheAreaGetsIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var gateway = new HttpTestReceiver();
        await using var hooks = new HttpTestReceiver();
        await using var smtp = new SmtpTestServer();
        var arranged = await ArrangeAsync(app, hooks.Url("/ptds-hook"));
        await using var site = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Delivery:Dispatcher:PollInterval", "00:00:00.050");
            b.UseSetting("Delivery:Channels:sms:Kind", "HttpSms");
            b.UseSetting("Delivery:Channels:sms:Http:Url", gateway.Url("/send"));
            b.UseSetting("Delivery:Channels:email:Kind", "Email");
            b.UseSetting("Delivery:Channels:email:Smtp:Host", "127.0.0.1");
            b.UseSetting("Delivery:Channels:email:Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Delivery:Channels:email:Smtp:From", "canhbao@ptds.example.vn");
            b.UseSetting("Delivery:Channels:webhook:Kind", "Webhook");
            b.UseSetting("Delivery:Channels:webhook:Webhook:Secret", WebhookSecret);
        });

        var time = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var ingest = await Client(site, arranged.StationToken).PostAsJsonAsync("/api/v1/monitoring/observations", new { observations = new[] { new { station = "MOC-HOA", time, variable = "WaterLevel", value = 2.03 } } });
        var commander = Client(site, app.World.Commander.Token);
        var officerA = Client(site, app.World.OfficerA.Token);
        var warning = (await commander.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/warnings?status=Draft"))[0].GetProperty("id").GetInt32();
        var officerPrepare = await officerA.PostAsync($"/api/v1/monitoring/warnings/{warning}/alert", null);
        var prepared = await commander.PostAsync($"/api/v1/monitoring/warnings/{warning}/alert", null);
        var alertId = (await prepared.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var preparedAgain = await (await commander.PostAsync($"/api/v1/monitoring/warnings/{warning}/alert", null)).Content.ReadFromJsonAsync<JsonElement>();
        var officerIssue = await officerA.PostAsync($"/api/v1/alerts/{alertId}/issue", null);
        var issued = await commander.PostAsync($"/api/v1/alerts/{alertId}/issue", null);
        var identifier = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString()!;

        Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, officerPrepare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, prepared.StatusCode);
        Assert.Equal(alertId, preparedAgain.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, officerIssue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);

        await using var db = app.OpenDatabase();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.Deliveries.CountAsync(d => d.State == DeliveryState.Sent) < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var deliveries = await db.Deliveries.OrderBy(d => d.Channel).ThenBy(d => d.Address).ToListAsync();
        Assert.Equal([("email", "john@example.vn", "en-US"), ("sms", "+84901000001", "vi-VN"), ("sms", "+84901000002", "vi-VN"), ("webhook", hooks.Url("/ptds-hook"), "vi-VN")], deliveries.Select(d => (d.Channel, d.Address, d.Language)));
        Assert.All(deliveries, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(2, gateway.Requests.Count);
        var texts = gateway.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("to").GetString() + "|" + JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        var smsText = texts.Single(t => t.StartsWith("+84901000001|", StringComparison.Ordinal))["+84901000001|".Length..];
        var dutyText = texts.Single(t => t.StartsWith("+84901000002|", StringComparison.Ordinal))["+84901000002|".Length..];
        Assert.StartsWith("Cảnh báo lũ cấp độ 2: Phường Tân An", smsText);
        Assert.EndsWith($"/cap/alerts/{identifier}.xml", smsText);
        Assert.DoesNotContain("/ack/", smsText);

        // The duty contact's SMS ends with its own acknowledgement link, and the link acknowledges for its organisation.
        Assert.StartsWith(smsText + " Xác nhận đã nhận: http", dutyText);
        var ackPath = new Uri(dutyText[(dutyText.LastIndexOf(' ') + 1)..]).PathAndQuery;
        var contactBrowser = site.CreateClient();
        var ackPage = await contactBrowser.GetStringAsync(ackPath);
        var acknowledged = await contactBrowser.PostAsync(ackPath, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(ackPage) }));
        Assert.True(acknowledged.IsSuccessStatusCode, acknowledged.StatusCode.ToString());
        Assert.Equal(app.World.OrganizationA.Id, (await db.AlertAcknowledgements.IgnoreQueryFilters().SingleAsync()).OrganizationId);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal(["john@example.vn"], mail.To);
        var hook = Assert.Single(hooks.Requests);
        Assert.Contains(identifier, JsonDocument.Parse(hook.Body).RootElement.GetProperty("body").GetString());
        var published = await site.CreateClient().GetAsync(new Uri(smsText[smsText.LastIndexOf(" http", StringComparison.Ordinal)..].Trim()).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(WarningStatus.Issued, (await db.DraftWarnings.SingleAsync()).Status);
        var requeued = await (await commander.PostAsync($"/api/v1/alerts/{alertId}/deliveries", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 0, 4), (requeued.GetProperty("recipients").GetInt32(), requeued.GetProperty("queued").GetInt32(), requeued.GetProperty("alreadyQueued").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await officerA.PostAsync($"/api/v1/alerts/{alertId}/deliveries", null)).StatusCode);
        Assert.Equal(4, await db.Deliveries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task WarningsPage_PrepareAlert_OpensTheDraftAlert_AndThenLinksIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var arranged = await ArrangeAsync(app, "https://org.example.vn/hook");
        var time = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await Client(app, arranged.StationToken).PostAsJsonAsync("/api/v1/monitoring/observations", new { observations = new[] { new { station = "MOC-HOA", time, variable = "WaterLevel", value = 2.03 } } });
        await using var db = app.OpenDatabase();
        var warning = await db.DraftWarnings.SingleAsync();
        var browser = await app.SignInAsync(app.World.Commander);

        var page = await browser.GetStringAsync("/monitoring/warnings");
        var response = await browser.PostAsync($"/monitoring/warnings?handler=PrepareAlert&id={warning.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(page),
        }));
        var after = await browser.GetStringAsync("/monitoring/warnings");

        Assert.Contains("prepare-alert-form", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var alertId = (await db.DraftWarnings.AsNoTracking().SingleAsync()).AlertId;
        Assert.NotNull(alertId);
        Assert.Equal($"/alerts/{alertId}", response.Headers.Location?.OriginalString);
        Assert.Contains($"href=\"/alerts/{alertId}\"", after);
        Assert.DoesNotContain("prepare-alert-form", after);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SelfRegistration_TheCodeArrivesBySms_AndConfirmsTheSubscription(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var gateway = new HttpTestReceiver();
        await using var site = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Delivery:Dispatcher:PollInterval", "00:00:00.050");
            b.UseSetting("Delivery:Channels:sms:Kind", "HttpSms");
            b.UseSetting("Delivery:Channels:sms:Http:Url", gateway.Url("/send"));
        });
        var anonymous = site.CreateClient();

        var registered = await anonymous.PostAsJsonAsync("/api/v1/public/subscriptions", new { name = "Chị Hoa", phone = "0912345678", language = "en", communeCode = app.World.CommuneA.Code });
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriberId").GetInt32();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (gateway.Requests.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var text = JsonDocument.Parse(Assert.Single(gateway.Requests).Body).RootElement.GetProperty("text").GetString()!;
        var code = System.Text.RegularExpressions.Regex.Match(text, @"code is (\d+)").Groups[1].Value;
        var confirmed = await anonymous.PostAsJsonAsync($"/api/v1/public/subscriptions/{id}/confirm", new { code });

        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        Assert.Contains("/subscribe/unsubscribe?token=", text);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(SubscriberStatus.Active, (await db.Subscribers.SingleAsync(s => s.Id == id)).Status);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => (a.Before ?? "") + (a.After ?? "")).ToListAsync(), a => a.Contains(code, StringComparison.Ordinal));
    }
}
