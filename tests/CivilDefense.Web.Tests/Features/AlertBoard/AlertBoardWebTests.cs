using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Web.Tests.Features.AlertBoard;

public sealed class AlertBoardWebTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task LinkPage_GetShowsTheAlertAndChangesNothing_PostAcknowledges(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (alert, contactA, _) = await ArrangeAsync(app);
        var token = app.Services.GetRequiredService<SubscriberKeys>().AcknowledgeToken(alert, contactA);
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

        var page = await client.GetAsync($"/ack/{token}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Lũ cấp 2", html, StringComparison.Ordinal);
        Assert.Contains("id=\"acknowledge\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await AcknowledgementsAsync(app));

        var posted = await client.PostAsync($"/ack/{token}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(html) }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("id=\"acknowledged\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await AcknowledgementsAsync(app));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ack/{token[..^3]}xyz")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Api_LiaisonTokenAcknowledgesOnce_AnotherUnitIsDenied(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (alert, _, _) = await ArrangeAsync(app);

        var denied = await app.ApiAs(app.World.OfficerB).PostAsJsonAsync($"/api/v1/alerts/{alert}/acknowledgements", new { organizationId = app.World.OrganizationA.Id });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/v1/alerts/{alert}/acknowledgements", new { })).StatusCode);

        var liaison = app.ApiAs(app.World.LiaisonA);
        var first = await liaison.PostAsJsonAsync($"/api/v1/alerts/{alert}/acknowledgements", new { });
        var second = await liaison.PostAsJsonAsync($"/api/v1/alerts/{alert}/acknowledgements", new { });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("repeated").GetBoolean());
        Assert.Equal(1, await AcknowledgementsAsync(app));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Board_SnapshotCountsCsvAndPage_ForTheProvince_NotForACommune(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (alert, _, contactB) = await ArrangeAsync(app);
        await using (var db = app.OpenDatabase())
        {
            var recipient = DeliveryIdentities.RecipientId(contactB, acknowledges: true);
            await db.Deliveries.Where(d => d.RecipientId == recipient).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Sent));
        }

        var commander = app.ApiAs(app.World.Commander);
        var snapshot = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alert}/board");
        var totals = snapshot.GetProperty("totals");
        Assert.Equal((2, 1, 1, 0), (totals.GetProperty("targeted").GetInt32(), totals.GetProperty("sent").GetInt32(), totals.GetProperty("pending").GetInt32(), totals.GetProperty("failed").GetInt32()));
        Assert.Equal(2, snapshot.GetProperty("byCommune").GetArrayLength());

        var csv = await commander.GetAsync($"/api/v1/alerts/{alert}/board.csv?channel=sms&commune={Uri.EscapeDataString(app.World.CommuneB.Name)}");
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, text.Trim().Split('\n').Length); // header and the one commune the filter keeps

        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerA).GetAsync($"/api/v1/alerts/{alert}/board")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerA).GetAsync($"/api/v1/alerts/{alert}/board/events")).StatusCode);

        var browser = await app.SignInAsync(app.World.Commander);
        var page = await browser.GetStringAsync($"/alerts/{alert}/board");
        Assert.Contains("id=\"board-table\"", page, StringComparison.Ordinal);
        Assert.Contains(app.World.CommuneB.Name, page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Events_StreamTheSnapshotAsAServerSentEvent(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (alert, _, _) = await ArrangeAsync(app);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/alerts/{alert}/board/events");

        using var response = await app.ApiAs(app.World.Commander).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal("event: board", await reader.ReadLineAsync(timeout.Token));
        var data = await reader.ReadLineAsync(timeout.Token);

        Assert.StartsWith("data: ", data, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(data!["data: ".Length..]).RootElement.GetProperty("totals").GetProperty("pending").GetInt32());
    }

    /// <summary>An issued alert queued by SMS to one duty contact of organisation A and one of B.</summary>
    internal static async Task<(int Alert, int ContactA, int ContactB)> ArrangeAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        return await ArrangeAsync(db, app.World);
    }

    internal static async Task<(int Alert, int ContactA, int ContactB)> ArrangeAsync(PtdsDbContext db, TestWorld world)
    {
        var alert = new IssuedAlert
        {
            UnitId = world.Province.Id,
            Sender = "ptds@test.vn",
            CreatedBy = "test",
            State = AlertState.Issued,
            SentUtc = DateTime.UtcNow,
            RiskLevel = 2,
            TextsJson = """{"ByLanguage":{"vi-VN":{"Headline":"Lũ cấp 2","Description":"Mô tả"}}}""",
        };
        db.IssuedAlerts.Add(alert);
        var a = Contact(world.OrganizationA, world.CommuneA.Id, "+84900000001");
        var b = Contact(world.OrganizationB, world.CommuneB.Id, "+84900000002");
        db.Subscribers.AddRange(a, b);
        await db.SaveChangesAsync();
        var queued = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(
            DeliveryIdentities.AlertId(alert.Id), world.Province.Id, [new AlertMessage("sms", "vi-VN", null, "Lũ cấp 2{ack}")],
            [new DeliveryRequest(DeliveryIdentities.RecipientId(a.Id, acknowledges: true), "sms", a.Phone!, "vi-VN", a.UnitId), new DeliveryRequest(DeliveryIdentities.RecipientId(b.Id, acknowledges: true), "sms", b.Phone!, "vi-VN", b.UnitId)]));
        Assert.True(queued.IsSuccess, queued.Error?.Message);
        return (alert.Id, a.Id, b.Id);
    }

    private static Subscriber Contact(Organization organization, int unitId, string phone) => new()
    {
        Kind = SubscriberKind.DutyContact,
        Name = "Đầu mối " + organization.Name,
        Phone = phone,
        UnitId = unitId,
        OrganizationId = organization.Id,
        ContactOrder = 1,
        Status = SubscriberStatus.Active,
        Origin = SubscriberOrigin.Staff,
    };

    private static async Task<int> AcknowledgementsAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        return await db.AlertAcknowledgements.CountAsync();
    }
}
