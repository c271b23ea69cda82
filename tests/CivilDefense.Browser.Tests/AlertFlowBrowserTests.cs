using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Monitoring;
using CivilDefense.Core.Tests.Alerts.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

/// <summary>
/// The province's server with its SMS gateway and mail server (loopback receivers that record
/// what arrived), a second PTDS server standing for the neighbouring province, and a browser.
/// </summary>
public sealed class AlertFlowServers : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public HttpTestReceiver Gateway { get; } = new();

    public SmtpTestServer Mail { get; } = new();

    public PtdsServer Province { get; private set; } = null!;

    public PtdsServer Neighbour { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // A fixed port, so that the links in the messages (public URL) point at this very server.
        var port = HttpTestReceiver.FreePort();
        Province = PtdsServer.Start(new Dictionary<string, string>
        {
            ["Alerts:PublicBaseUrl"] = $"http://127.0.0.1:{port}/",
            ["Delivery:Dispatcher:PollInterval"] = "00:00:00.100",
            ["Delivery:Channels:sms:Kind"] = "HttpSms",
            ["Delivery:Channels:sms:Http:Url"] = Gateway.Url("/send"),
            ["Delivery:Channels:email:Kind"] = "Email",
            ["Delivery:Channels:email:Smtp:Host"] = "127.0.0.1",
            ["Delivery:Channels:email:Smtp:Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Delivery:Channels:email:Smtp:From"] = "canhbao@ptds-demo.example",
        }, port);
        // The province is on loopback here: the neighbour must be allowed to fetch from it (FeedAddresses).
        Neighbour = PtdsServer.Start(new Dictionary<string, string> { ["Alerts:Sender"] = "ptds@neighbour.example", ["Alerts:Polling:AllowPrivateAddresses"] = "true" });
        (_playwright, Browser) = await BrowserApp.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Province.DisposeAsync();
        await Neighbour.DisposeAsync();
        await Gateway.DisposeAsync();
        await Mail.DisposeAsync();
    }
}

/// <summary>
/// Issue #5's "done when", in one run through the pages: an operator sees a station cross BĐ3,
/// reviews the drafted warning, issues it as CAP in two languages, watches it reach every
/// subscriber in the area on the delivery board, sees who acknowledged, and a neighbour's feed
/// shows it. Nothing is stubbed: the station posts through the API with its token, the hosted
/// dispatcher sends through the SMS gateway and SMTP receivers, the duty contact follows the link
/// its SMS carried, and the neighbour's server polls the province's Atom feed over HTTP.
/// </summary>
public sealed class AlertFlowBrowserTests(AlertFlowServers servers) : IClassFixture<AlertFlowServers>
{
    [Fact]
    public async Task A_station_crosses_BD3_and_the_alert_reaches_everyone_is_acknowledged_and_reaches_the_neighbour()
    {
        var province = servers.Province;
        var (station, stationName, token, level) = await StationWithTokenAsync(province);

        // The station's gateway posts a reading 3 cm above BĐ3.
        using (var gateway = new HttpClient { BaseAddress = new Uri(province.BaseUrl) })
        {
            gateway.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var time = DateTime.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var posted = await gateway.PostAsJsonAsync("/api/v1/monitoring/observations", new { observations = new[] { new { station, time, variable = "WaterLevel", value = level + 0.03 } } });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }

        // The operator sees the crossing on the station's page and reviews the drafted warning.
        var page = await BrowserApp.SignInAsync(servers.Browser, province.BaseUrl, "admin", province.AdminPassword);
        await page.GotoAsync($"{province.BaseUrl}/monitoring/warnings");
        var warning = page.Locator("#warnings tbody tr").Filter(new() { HasText = stationName });
        await Assertions.Expect(warning).ToHaveCountAsync(1);
        await Assertions.Expect(warning).ToHaveAttributeAsync("data-status", "Draft");
        await Assertions.Expect(warning).ToContainTextAsync("≥ BĐ3");
        await warning.Locator("button[name=decision][value=Ready]").ClickAsync();
        await Assertions.Expect(warning).ToHaveAttributeAsync("data-status", "Ready");
        await BrowserApp.ScreenshotAsync(page, "50-flow-warning-reviewed");
        await warning.Locator(".prepare-alert-form button").ClickAsync();

        // The prepared alert is CAP in Vietnamese and English; the operator issues it.
        await Assertions.Expect(page.Locator("#alert-state")).ToHaveAttributeAsync("data-state", "Draft");
        await Assertions.Expect(page.Locator("#findings")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("#cap-xml")).ToContainTextAsync("<language>vi-VN</language>");
        await Assertions.Expect(page.Locator("#cap-xml")).ToContainTextAsync("<language>en-US</language>");
        await page.ClickAsync("#issue-alert");
        await Assertions.Expect(page.Locator("#alert-state")).ToHaveAttributeAsync("data-state", "Issued");
        var identifier = (await page.Locator("#alert-identifier").TextContentAsync())!.Trim();

        // The delivery board follows the dispatcher until everyone in the area has it.
        await page.ClickAsync("#delivery-board");
        await Assertions.Expect(page.Locator("#board-live")).ToHaveAttributeAsync("data-live", "sse");
        var targeted = page.Locator("[data-total=targeted]");
        await Assertions.Expect(page.Locator("#total-pending")).ToHaveTextAsync("0", new() { Timeout = 30_000 });
        var count = int.Parse((await targeted.TextContentAsync())!, CultureInfo.InvariantCulture);
        Assert.True(count > 0);
        await Assertions.Expect(page.Locator("#total-sent")).ToHaveTextAsync(count.ToString(CultureInfo.InvariantCulture));
        var texts = servers.Gateway.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.Equal(count, texts.Count + servers.Mail.Messages.Count);
        await BrowserApp.ScreenshotAsync(page, "51-flow-board-delivered");

        // A duty contact opens the link its SMS carried (no login) and acknowledges for its organisation.
        var withLink = texts.First(t => t.Contains("/ack/", StringComparison.Ordinal));
        var link = withLink[(withLink.LastIndexOf(' ') + 1)..];
        Assert.StartsWith(province.BaseUrl + "/ack/", link);
        var contact = await (await servers.Browser.NewContextAsync()).NewPageAsync();
        await contact.GotoAsync(link);
        var organisation = (await contact.Locator("#ack-organization").TextContentAsync())!.Trim();
        await contact.ClickAsync("#acknowledge");
        await Assertions.Expect(contact.Locator("#acknowledged")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(contact, "52-flow-acknowledged");

        // The operator's board shows who acknowledged, without a reload.
        await Assertions.Expect(page.Locator("[data-total=organizations]")).ToHaveTextAsync("1", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#board-acks tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#board-acks tbody tr")).ToContainTextAsync(organisation);
        await BrowserApp.ScreenshotAsync(page, "53-flow-board-acknowledged");

        // The neighbouring province's PTDS polls this province's feed and lists the alert.
        var neighbour = servers.Neighbour;
        var other = await BrowserApp.SignInAsync(servers.Browser, neighbour.BaseUrl, "admin", neighbour.AdminPassword);
        await other.GotoAsync($"{neighbour.BaseUrl}/alerts/feeds");
        await other.FillAsync("#add-feed input[name=name]", "PTDS Tây Ninh");
        await other.FillAsync("#add-feed input[name=url]", province.BaseUrl + "/cap/feed.atom");
        await other.ClickAsync("#add-feed button[type=submit]");
        Assert.Empty(await other.Locator("#feeds-message").AllTextContentsAsync());
        var feed = other.Locator("#feeds tbody tr").Filter(new() { HasText = "PTDS Tây Ninh" });
        await Assertions.Expect(feed).ToHaveCountAsync(1);
        await feed.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Poll now|Đọc ngay") }).ClickAsync();
        await BrowserApp.ScreenshotAsync(other, "54-flow-neighbour-feed");
        await other.GotoAsync($"{neighbour.BaseUrl}/alerts?source=received");
        var received = other.Locator("#alerts tbody tr[data-kind=received]").Filter(new() { HasText = identifier });
        await Assertions.Expect(received).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await BrowserApp.ScreenshotAsync(other, "55-flow-neighbour-received");
    }

    /// <summary>A demo station with a BĐ3 level and no warning yet, given an ingest token and a zone as the province would.</summary>
    private static async Task<(string Code, string Name, string Token, double Bd3)> StationWithTokenAsync(PtdsServer server)
    {
        await using var db = server.OpenDatabase();
        var station = await db.Stations.Include(s => s.AlarmLevels)
            .Where(s => s.AlarmLevels.Any(a => a.Bd3 != null) && !db.DraftWarnings.Any(w => w.StationId == s.Id))
            .OrderBy(s => s.Code).FirstAsync();
        var secret = TokenSecrets.Create();
        var token = new ApiToken { Name = "station-" + station.Code, Prefix = secret.Prefix, SecretHash = secret.SecretHash, Role = Role.Officer, UnitId = station.UnitId, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1) };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        station.IngestTokenId = token.Id;

        // The flood rule reads the station's zone (Art. 45); the shipped list does not state it, the province sets it.
        station.Zone ??= 1;
        await db.SaveChangesAsync();
        return (station.Code, station.Name, secret.Token, station.AlarmLevels.First(a => a.Bd3 != null).Bd3!.Value);
    }
}
