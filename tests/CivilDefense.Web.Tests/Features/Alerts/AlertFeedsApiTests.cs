using System.Net;
using System.Net.Http.Json;
using System.Text;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static CivilDefense.Web.Tests.Features.Alerts.AlertsApiTests;

namespace CivilDefense.Web.Tests.Features.Alerts;

public sealed class AlertFeedsApiTests
{
    private static readonly PtdsCapProfile LongAn = new("ptds@longan.gov.vn", new Dictionary<string, string> { ["vi-VN"] = "Ban Chỉ huy PCTT và TKCN tỉnh Long An" }, "72");

    /// <summary>A neighbour's alert that covers the border commune 27700 (Tân An) by geocode.</summary>
    private static CapAlert NeighbourAlert(string identifier, DateTimeOffset sent) =>
        new PtdsAlertBuilder(LongAn, identifier, sent)
            .Hazard(PtdsHazard.Flood, 3)
            .Text("vi-VN", new PtdsAlertText("Lũ", "Lũ trên sông Vàm Cỏ Tây", "Mực nước Tân An vượt báo động 3.", "Sơ tán vùng trũng."))
            .Text("en-US", new PtdsAlertText("Flood", "Flood on the Vam Co Tay river", "The water level at Tan An is above alarm level 3."))
            .Units("Phường Tân An", ["27700"])
            .Polygon("Ven sông", [new CapPoint(10.50, 106.40), new CapPoint(10.50, 106.45), new CapPoint(10.55, 106.45)])
            .Build();

    /// <summary>An Atom feed: the good alert linked twice (a duplicate) and an invalid one embedded (polygon that crosses itself).</summary>
    private static byte[] Feed(Uri baseUrl, DateTimeOffset sent)
    {
        var invalid = CapWriter.ToXml(NeighbourAlert("LA-2", sent) with
        {
            Infos = [.. NeighbourAlert("LA-2", sent).Infos.Select(i => i with
            {
                Areas = [new CapArea { Description = "x", Polygons = [new CapPolygon([new(10.5, 106.4), new(10.6, 106.5), new(10.5, 106.5), new(10.6, 106.4), new(10.5, 106.4)])] }],
            })],
        });
        var embedded = invalid[(invalid.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        var xml = $"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <id>urn:longan</id><title>Long An</title><updated>2026-10-14T07:30:00+07:00</updated>
              <entry><id>urn:1</id><title>1</title><updated>2026-10-14T07:30:00+07:00</updated><link rel="alternate" type="application/cap+xml" href="{baseUrl}alerts/LA-1.xml"/></entry>
              <entry><id>urn:1b</id><title>1 again</title><updated>2026-10-14T07:30:00+07:00</updated><link rel="alternate" type="application/cap+xml" href="alerts/LA-1.xml"/></entry>
              <entry><id>urn:2</id><title>2</title><updated>2026-10-14T07:31:00+07:00</updated><content type="application/cap+xml">{embedded}</content></entry>
            </feed>
            """;
        return Encoding.UTF8.GetBytes(xml);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_neighbour_feed_is_polled_deduplicated_validated_and_relayed(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var server = new LoopbackHttpServer();
        ServeLongAn(server);
        server.Serve("/dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><feed xmlns=\"http://www.w3.org/2005/Atom\">&a;</feed>"u8.ToArray(), "application/atom+xml");
        var commander = app.ApiAs(app.World.Commander);

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.OfficerA).PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "x", url = server.BaseUrl + "feed.atom", unitId = app.World.Province.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "x", url = "file:///etc/passwd" })).StatusCode);
        var feed = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "Long An", url = server.BaseUrl + "feed.atom" }), HttpStatusCode.Created);
        var feedId = feed.GetProperty("id").GetInt32();

        var poll = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/feeds/{feedId}/poll", null), HttpStatusCode.OK);
        Assert.Equal(3, poll.GetProperty("read").GetInt32());
        Assert.Equal(2, poll.GetProperty("new").GetInt32());
        Assert.Equal(1, poll.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, poll.GetProperty("withErrors").GetInt32());
        var again = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/feeds/{feedId}/poll", null), HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("new").GetInt32());
        Assert.Equal(3, again.GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.OfficerA).PostAsync($"/api/v1/alerts/feeds/{feedId}/poll", null)).StatusCode);

        await using (var db = app.OpenDatabase())
        {
            // Polled just now: not due again before its interval (5 minutes) has passed.
            var due = new ManageFeeds(db);
            Assert.DoesNotContain(feedId, await due.DueAsync(DateTime.UtcNow, default));
            Assert.Contains(feedId, await due.DueAsync(DateTime.UtcNow.AddMinutes(6), default));
            var stored = await db.ReceivedAlerts.OrderBy(r => r.Identifier).ToListAsync();
            Assert.Equal(["LA-1", "LA-2"], stored.Select(r => r.Identifier));
            Assert.Equal(0, stored[0].ErrorCount);
            Assert.True(stored[1].ErrorCount > 0);
            Assert.Equal(PtdsHazard.Flood, stored[0].Hazard);
            Assert.Equal("2026-10-14T00:30:00Z", stored[0].SentKey);
        }

        var list = await ReadAsync(await commander.GetAsync($"/api/v1/alerts?source=feed:{feedId}"), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var invalidId = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("identifier").GetString() == "LA-2").GetProperty("id").GetInt32();
        var validId = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("identifier").GetString() == "LA-1").GetProperty("id").GetInt32();
        var invalid = await ReadAsync(await commander.GetAsync($"/api/v1/alerts/received/{invalidId}"), HttpStatusCode.OK);
        Assert.Contains(invalid.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "cap.polygon.self-intersecting");
        // The commune reads what its province received.
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs(app.World.OfficerA).GetAsync($"/api/v1/alerts/received/{validId}")).StatusCode);
        var csv = await commander.GetStringAsync("/api/v1/alerts.csv?source=received");
        Assert.Equal(1 + 2, csv.Trim().Split('\n').Length);

        // Relay: a PTDS draft that references the original, texts and the province's commune copied.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.OfficerA).PostAsync($"/api/v1/alerts/received/{validId}/relay", null)).StatusCode);
        var relay = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/received/{validId}/relay", null), HttpStatusCode.Created);
        Assert.Equal("Draft", relay.GetProperty("state").GetString());
        Assert.Equal("Alert", relay.GetProperty("messageType").GetString());
        Assert.Equal(3, relay.GetProperty("riskLevel").GetInt32());
        Assert.Equal(app.World.CommuneA.Id, relay.GetProperty("areas").GetProperty("units")[0].GetProperty("id").GetInt32());
        Assert.Equal("Flood on the Vam Co Tay river", relay.GetProperty("texts").GetProperty("en-US").GetProperty("headline").GetString());
        var issued = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/{relay.GetProperty("id").GetInt32()}/issue", null), HttpStatusCode.OK);
        Assert.Equal("ptds@longan.gov.vn,LA-1,2026-10-14T07:30:00+07:00", issued.GetProperty("references").GetString());

        // A document with a DTD is refused by the safe reader; nothing is stored.
        var dtd = await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "DTD", url = server.BaseUrl + "dtd.xml" }), HttpStatusCode.Created);
        var refused = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/feeds/{dtd.GetProperty("id").GetInt32()}/poll", null), HttpStatusCode.OK);
        Assert.Contains("DTD", refused.GetProperty("problems")[0].GetString());
        var feeds = await ReadAsync(await commander.GetAsync("/api/v1/alerts/feeds"), HttpStatusCode.OK);
        Assert.True(feeds.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "DTD").GetProperty("lastPollFailed").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task By_default_a_feed_on_a_loopback_address_is_not_fetched(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider, allowPrivateFeedAddresses: false);
        await using var server = new LoopbackHttpServer();
        ServeLongAn(server);
        var commander = app.ApiAs(app.World.Commander);
        var feedId = (await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "Long An", url = server.BaseUrl + "feed.atom" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();

        var poll = await ReadAsync(await commander.PostAsync($"/api/v1/alerts/feeds/{feedId}/poll", null), HttpStatusCode.OK);

        Assert.Equal(0, poll.GetProperty("read").GetInt32());
        Assert.Contains("public addresses only", poll.GetProperty("summary").GetString());
        Assert.Empty(server.Requests);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Two_polls_racing_on_one_feed_store_each_alert_once_and_neither_fails(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var server = new LoopbackHttpServer();
        ServeLongAn(server);
        var feed = await ReadAsync(await app.ApiAs(app.World.Commander).PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "Long An", url = server.BaseUrl + "feed.atom" }), HttpStatusCode.Created);
        var feedId = feed.GetProperty("id").GetInt32();
        using var http = new HttpClient();

        // The second poll runs to its end after the first has checked for duplicates and before
        // it saves: the worst moment, where the unique key is all that stands between them.
        FeedPollResult? other = null;
        var interleave = new BeforeFirstSave(async () =>
        {
            await using var otherDb = app.OpenDatabase();
            other = (await new FeedPoller(otherDb, http, new FeedPollOptions()).PollAsync(feedId, default)).Value;
        });
        await using var db = app.OpenDatabase(null, interleave);

        var first = await new FeedPoller(db, http, new FeedPollOptions()).PollAsync(feedId, default);

        Assert.True(first.IsSuccess);
        Assert.Equal((2, 1), (other!.New, other.Duplicates));
        Assert.Equal((0, 3), (first.Value!.New, first.Value.Duplicates));
        await using var check = app.OpenDatabase();
        Assert.Equal(2, await check.ReceivedAlerts.CountAsync(r => r.FeedId == feedId));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_feed_that_received_nothing_can_be_deleted_one_that_received_alerts_only_switched_off(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var server = new LoopbackHttpServer();
        var sent = new DateTimeOffset(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));
        server.Serve("/alerts/LA-1.xml", CapWriter.ToBytes(NeighbourAlert("LA-1", sent)), "application/cap+xml");
        var commander = app.ApiAs(app.World.Commander);
        var used = (await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "Long An", url = server.BaseUrl + "alerts/LA-1.xml" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var typo = (await ReadAsync(await commander.PostAsJsonAsync("/api/v1/alerts/feeds", new { name = "Typo", url = server.BaseUrl + "nothing.atom" }), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Equal(1, (await ReadAsync(await commander.PostAsync($"/api/v1/alerts/feeds/{used}/poll", null), HttpStatusCode.OK)).GetProperty("new").GetInt32());

        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.OfficerA).DeleteAsync($"/api/v1/alerts/feeds/{typo}")).StatusCode);
        var refused = await commander.DeleteAsync($"/api/v1/alerts/feeds/{used}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NoContent, (await commander.DeleteAsync($"/api/v1/alerts/feeds/{typo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commander.DeleteAsync($"/api/v1/alerts/feeds/{typo}")).StatusCode);

        var feeds = await ReadAsync(await commander.GetAsync("/api/v1/alerts/feeds"), HttpStatusCode.OK);
        Assert.Equal(["Long An"], feeds.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        await using var db = app.OpenDatabase();
        Assert.Equal(1, await db.ReceivedAlerts.CountAsync(r => r.FeedId == used));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(NeighbourFeed) && a.Action == "Delete"));
    }

    /// <summary>Long An's feed (LA-1 linked twice, LA-2 embedded and invalid) and its LA-1 document.</summary>
    private static void ServeLongAn(LoopbackHttpServer server)
    {
        var sent = new DateTimeOffset(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));
        server.Serve("/feed.atom", Feed(server.BaseUrl, sent), "application/atom+xml");
        server.Serve("/alerts/LA-1.xml", CapWriter.ToBytes(NeighbourAlert("LA-1", sent)), "application/cap+xml");
    }

    /// <summary>
    /// Runs an action once, just before the context's first transaction begins: the save's, which
    /// is after the poll's duplicate check (SQLite would make the action wait for a held write lock).
    /// </summary>
    private sealed class BeforeFirstSave(Func<Task> action) : DbTransactionInterceptor
    {
        private bool _done;

        public override async ValueTask<InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(System.Data.Common.DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await action();
            }

            return result;
        }
    }
}
