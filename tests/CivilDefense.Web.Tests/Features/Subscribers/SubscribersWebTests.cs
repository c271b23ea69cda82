using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivilDefense.Web.Tests.Features.Subscribers;

public sealed partial class SubscribersWebTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PublicPage_RegisterConfirmUnsubscribe_WithoutLogin(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var sender = new RecordingSender();
        await using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IConfirmationSender>(sender)));
        var browser = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var form = await browser.GetStringAsync("/subscribe");
        Assert.Contains($"value=\"{app.World.CommuneA.Code}\"", form);
        var posted = await browser.PostAsync("/subscribe", Form(form, new()
        {
            ["Input.Name"] = "Nguyễn Thị Lan",
            ["Input.Phone"] = "0912 345 678",
            ["Input.Language"] = "vi",
            ["Input.CommuneCode"] = app.World.CommuneA.Code,
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = sender.Last.SubscriberId;
        Assert.Equal($"/subscribe/confirm?id={id}", posted.Headers.Location?.ToString());

        var confirmPage = await browser.GetStringAsync($"/subscribe/confirm?id={id}&code={sender.Last.Code}");
        await using (var db = app.OpenDatabase())
        {
            Assert.Equal(SubscriberStatus.Pending, (await db.Subscribers.SingleAsync(s => s.Id == id)).Status); // a GET confirms nothing
        }

        var wrong = await browser.PostAsync("/subscribe/confirm", Form(confirmPage, new() { ["Id"] = id.ToString(), ["Code"] = sender.Last.Code == "000000" ? "111111" : "000000" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        var right = await browser.PostAsync("/subscribe/confirm", Form(confirmPage, new() { ["Id"] = id.ToString(), ["Code"] = sender.Last.Code }));
        var confirmedHtml = await right.Content.ReadAsStringAsync();
        Assert.Contains("id=\"confirmed\"", confirmedHtml);

        var unsubscribeUrl = WebUtility.HtmlDecode(UnsubscribeLink().Match(confirmedHtml).Groups[1].Value);
        var unsubscribePage = await browser.GetStringAsync(unsubscribeUrl);
        var token = Uri.UnescapeDataString(unsubscribeUrl[(unsubscribeUrl.IndexOf('=') + 1)..]);
        for (var i = 0; i < 2; i++)
        {
            var done = await browser.PostAsync("/subscribe/unsubscribe", Form(unsubscribePage, new() { ["Token"] = token }));
            Assert.Contains("id=\"unsubscribed\"", await done.Content.ReadAsStringAsync());
        }

        await using var check = app.OpenDatabase();
        Assert.Equal(SubscriberStatus.Unsubscribed, (await check.Subscribers.SingleAsync(s => s.Id == id)).Status);
        var actors = await check.AuditEntries.Where(a => a.EntityType == nameof(Subscriber)).Select(a => a.Actor).Distinct().ToListAsync();
        Assert.Equal(["public"], actors);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PublicApi_RegisterConfirmUnsubscribe_AndProblemDetails(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var sender = new RecordingSender();
        await using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IConfirmationSender>(sender)));
        var client = site.CreateClient();

        var invalid = await client.PostAsJsonAsync("/api/v1/public/subscriptions", new { name = "Lan", language = "vi", communeCode = app.World.CommuneA.Code });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.True((await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("phone", out _));

        var registered = await client.PostAsJsonAsync("/api/v1/public/subscriptions", new { name = "Lan", email = "lan@example.vn", language = "km", communeCode = app.World.CommuneB.Code, latitude = 11.3, longitude = 106.1 });
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscriberId").GetInt32();
        Assert.DoesNotContain(sender.Last.Code, await registered.Content.ReadAsStringAsync());

        var confirmed = await client.PostAsJsonAsync($"/api/v1/public/subscriptions/{id}/confirm", new { code = sender.Last.Code });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var token = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unsubscribeToken").GetString();

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/public/subscriptions/unsubscribe", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/public/subscriptions/unsubscribe", new { token })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/public/subscriptions/unsubscribe", new { token = id + ".forged" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task PublicRegistration_TooManyRequestsFromOneAddress_Get429(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var site = app.WithWebHostBuilder(b => b.UseSetting("Subscribers:PublicRequestsPerWindow", "3"));
        var client = site.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/public/subscriptions", new { name = "Lan", phone = $"091234567{i}", language = "vi", communeCode = app.World.CommuneA.Code })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        var page = await client.GetAsync("/subscribe");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task StaffApi_ScopedMaskedAndDenied(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officerA = app.ApiAs(app.World.OfficerA);
        var created = await officerA.PostAsJsonAsync("/api/v1/subscribers", new { kind = "Resident", name = "Trần Văn Bình", phone = "0987 654 321", language = "vi", unitId = app.World.CommuneA.Id, latitude = 10.54, longitude = 106.41 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = view.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerB).GetAsync($"/api/v1/subscribers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerB).PostAsync($"/api/v1/subscribers/{id}/deactivate?version=0", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/v1/subscribers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.Viewer).PostAsJsonAsync("/api/v1/subscribers", new { kind = "Resident", name = "X", phone = "0900000000", language = "vi", unitId = app.World.CommuneA.Id })).StatusCode);

        var masked = await app.ApiAs(app.World.Viewer).GetFromJsonAsync<JsonElement>("/api/v1/subscribers");
        var row = Assert.Single(masked.GetProperty("items").EnumerateArray());
        Assert.Equal("•••••••321", row.GetProperty("phone").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("latitude").ValueKind);
        var csv = await app.ApiAs(app.World.Viewer).GetStringAsync("/api/v1/subscribers/export.csv");
        Assert.DoesNotContain("0987 654 321", csv);
        Assert.Contains("0987 654 321", await app.ApiAs(app.World.Commander).GetStringAsync("/api/v1/subscribers/export.csv"));

        var stale = await officerA.PutAsJsonAsync($"/api/v1/subscribers/{id}?version=99", new { kind = "Resident", name = "Trần Văn Bình", phone = "0987 654 322", language = "vi", unitId = app.World.CommuneA.Id });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var off = await officerA.PostAsync($"/api/v1/subscribers/{id}/deactivate?version={view.GetProperty("version").GetInt32()}", null);
        Assert.Equal("Deactivated", (await off.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ImportApi_BadFileIs422WithLineAndField_GoodFileImports(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var org = app.World.OrganizationA.Id;

        var bad = await officer.PostAsync("/api/v1/subscribers/import", Upload($"organization_id,name,contact_order,phone\n{org},Trực 1,1,0276 3822 123\n{org},Trực 2,9,0276 3822 124\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var error = Assert.Single((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "contact_order"), (error.GetProperty("line").GetInt32(), error.GetProperty("field").GetString()));

        var good = await officer.PostAsync("/api/v1/subscribers/import", Upload($"organization_id,name,contact_order,phone,duty_officer\n{org},Trực 1,1,0276 3822 123,yes\n"));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(1, (await good.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());

        var page = await (await app.SignInAsync(app.World.OfficerA)).GetStringAsync("/subscribers");
        Assert.Contains("Trực 1", page);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task EditPage_OfficerCreatesAndEdits_ViewerCannotOpenIt(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = await app.SignInAsync(app.World.OfficerA);
        var blank = await officer.GetStringAsync("/subscribers/edit");
        var created = await officer.PostAsync("/subscribers/edit", Form(blank, new()
        {
            ["Kind"] = "DutyContact",
            ["Name"] = "Trực ban UBND",
            ["Phone"] = "0276 3822 123",
            ["Language"] = "vi",
            ["OrganizationId"] = app.World.OrganizationA.Id.ToString(),
            ["ContactOrder"] = "1",
            ["IsDutyOfficer"] = "true",
            ["Version"] = "0",
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        await using var db = app.OpenDatabase();
        var contact = await db.Subscribers.SingleAsync();
        Assert.Equal((app.World.CommuneA.Id, true, SubscriberOrigin.Staff), (contact.UnitId, contact.IsDutyOfficer, contact.Origin));

        var invalid = await officer.PostAsync($"/subscribers/edit/{contact.Id}", Form(blank, new()
        {
            ["Kind"] = "DutyContact",
            ["Name"] = "Trực ban UBND",
            ["Language"] = "vi",
            ["Version"] = contact.Version.ToString(),
            ["OrganizationId"] = app.World.OrganizationA.Id.ToString(),
            ["ContactOrder"] = "7",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);

        var viewer = await app.SignInAsync(app.World.Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/subscribers/edit/{contact.Id}")).StatusCode);
        Assert.Contains("•••", await viewer.GetStringAsync("/subscribers"));
    }

    private static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(page);
        return new FormUrlEncodedContent(fields);
    }

    private static MultipartFormDataContent Upload(string csv) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "contacts.csv" },
    };

    [GeneratedRegex("id=\"unsubscribe-link\" href=\"([^\"]+)\"")]
    private static partial Regex UnsubscribeLink();

    private sealed class RecordingSender : IConfirmationSender
    {
        private readonly List<ConfirmationMessage> _sent = [];

        public ConfirmationMessage Last
        {
            get
            {
                lock (_sent)
                {
                    return _sent[^1];
                }
            }
        }

        public Task SendAsync(ConfirmationMessage message, CancellationToken ct)
        {
            lock (_sent)
            {
                _sent.Add(message);
            }

            return Task.CompletedTask;
        }
    }
}
