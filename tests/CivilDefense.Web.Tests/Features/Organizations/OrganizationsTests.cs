using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Organizations;

public sealed class OrganizationsTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateAddContactAndList_ByOfficer_ShowsTheOrganisationInTheUnitSubtree(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);

        var created = await officer.PostAsJsonAsync("/api/v1/organizations", new { unitId = app.World.CommuneA.Id, kind = "MilitaryCommand", name = "Ban Chỉ huy quân sự phường Tân An", shortName = "BCHQS", phone = "0276 3822 123" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var contact = await officer.PostAsJsonAsync($"/api/v1/organizations/{id}/contacts", new { name = "Nguyễn Văn An", position = "Chỉ huy trưởng", phone = "0912 345 678", isDutyContact = true });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);

        var details = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{id}");
        var byProvince = await app.ApiAs(app.World.Commander).GetFromJsonAsync<JsonElement>($"/api/v1/organizations?unitId={app.World.Province.Id}");
        var militaryInA = await app.ApiAs(app.World.Commander).GetFromJsonAsync<JsonElement>($"/api/v1/organizations?unitId={app.World.CommuneA.Id}&kind=MilitaryCommand&search=qu%C3%A2n%20s%E1%BB%B1&active=true");

        Assert.Equal("Nguyễn Văn An", Assert.Single(details.GetProperty("contacts").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(3, byProvince.GetProperty("total").GetInt32());
        Assert.Equal(id, Assert.Single(militaryInA.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task OrganisationOfOtherCommune_IsNotFoundThroughApiAndPage_AndCannotBeCreated(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var browser = await app.SignInAsync(app.World.OfficerA);
        var otherId = app.World.OrganizationB.Id;

        var api = await officer.GetAsync($"/api/v1/organizations/{otherId}");
        var page = await browser.GetAsync($"/organizations/{otherId}");
        var ownPage = await browser.GetAsync($"/organizations/{app.World.OrganizationA.Id}");
        var update = await officer.PutAsJsonAsync($"/api/v1/organizations/{otherId}", new { version = 0, kind = "PeoplesCommittee", name = "X" });
        var create = await officer.PostAsJsonAsync("/api/v1/organizations", new { unitId = app.World.CommuneB.Id, kind = "Police", name = "Công an xã Tân Biên" });
        var list = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?unitId={app.World.CommuneB.Id}");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ownPage.StatusCode);
        Assert.Contains("UBND phường Tân An", await ownPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        Assert.Contains(create.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        await using var db = app.OpenDatabase();
        Assert.Equal(1, await db.Organizations.CountAsync(o => o.UnitId == app.World.CommuneB.Id));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Viewer_IsRefusedEveryWrite(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var viewer = app.ApiAs(app.World.Viewer);
        var id = app.World.OrganizationA.Id;
        int contactId;
        await using (var db = app.OpenDatabase())
        {
            var contact = new OrganizationContact { OrganizationId = id, Name = "Trần Thị Bình" };
            db.OrganizationContacts.Add(contact);
            await db.SaveChangesAsync();
            contactId = contact.Id;
        }

        HttpResponseMessage[] responses =
        [
            await viewer.PostAsJsonAsync("/api/v1/organizations", new { unitId = app.World.CommuneA.Id, kind = "Police", name = "Công an phường" }),
            await viewer.PutAsJsonAsync($"/api/v1/organizations/{id}", new { version = 0, kind = "PeoplesCommittee", name = "X" }),
            await viewer.PostAsync($"/api/v1/organizations/{id}/deactivate", null),
            await viewer.PostAsync($"/api/v1/organizations/{id}/reactivate", null),
            await viewer.PostAsJsonAsync($"/api/v1/organizations/{id}/contacts", new { name = "Y" }),
            await viewer.PutAsJsonAsync($"/api/v1/organizations/{id}/contacts/{contactId}", new { version = 0, name = "Y" }),
            await viewer.DeleteAsync($"/api/v1/organizations/{id}/contacts/{contactId}"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        await using var check = app.OpenDatabase();
        Assert.Equal("UBND phường Tân An", (await check.Organizations.SingleAsync(o => o.Id == id)).Name);
        Assert.Equal(1, await check.OrganizationContacts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Liaison_EditsOwnOrganisationOnly(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var liaison = app.ApiAs(app.World.LiaisonA);
        int otherId;
        await using (var db = app.OpenDatabase())
        {
            var police = new Organization { UnitId = app.World.CommuneA.Id, Kind = OrganizationKind.Police, Name = "Công an phường Tân An" };
            db.Organizations.Add(police);
            await db.SaveChangesAsync();
            otherId = police.Id;
        }

        var own = await liaison.PutAsJsonAsync($"/api/v1/organizations/{app.World.OrganizationA.Id}", new { version = 0, kind = "PeoplesCommittee", name = "UBND phường Tân An", phone = "0276 3822 000" });
        var ownContact = await liaison.PostAsJsonAsync($"/api/v1/organizations/{app.World.OrganizationA.Id}/contacts", new { name = "Lê Văn Cường", isDutyContact = true });
        var other = await liaison.PutAsJsonAsync($"/api/v1/organizations/{otherId}", new { version = 0, kind = "Police", name = "Đổi tên" });
        var otherContact = await liaison.PostAsJsonAsync($"/api/v1/organizations/{otherId}/contacts", new { name = "Lê Văn Cường" });
        var create = await liaison.PostAsJsonAsync("/api/v1/organizations", new { unitId = app.World.CommuneA.Id, kind = "School", name = "Trường THCS" });
        var board = await liaison.PostAsJsonAsync($"/api/v1/boards/{app.World.BoardA.Id}/members", new { fullName = "X", position = "Y", role = "Member" });
        var boardUpdate = await liaison.PutAsJsonAsync($"/api/v1/boards/{app.World.BoardA.Id}", new { version = 0, name = "X" });

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownContact.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherContact.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, board.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, boardUpdate.StatusCode);
        await using var check = app.OpenDatabase();
        Assert.Equal("Công an phường Tân An", (await check.Organizations.SingleAsync(o => o.Id == otherId)).Name);
        Assert.Equal(0, await check.OrganizationContacts.CountAsync(c => c.OrganizationId == otherId));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateOrganisation_StaleVersion_AnswersConflict(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var url = $"/api/v1/organizations/{app.World.OrganizationA.Id}";

        var first = await officer.PutAsJsonAsync(url, new { version = 0, kind = "PeoplesCommittee", name = "UBND phường Tân An (1)" });
        var stale = await officer.PutAsJsonAsync(url, new { version = 0, kind = "PeoplesCommittee", name = "UBND phường Tân An (2)" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Deactivate_KeepsTheRowAndAuditsBeforeAndAfter(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var id = app.World.OrganizationA.Id;

        var deactivated = await officer.PostAsync($"/api/v1/organizations/{id}/deactivate", null);
        var activeOnly = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organizations?active=true");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());
        Assert.Equal(0, activeOnly.GetProperty("total").GetInt32());
        await using var db = app.OpenDatabase();
        Assert.False((await db.Organizations.SingleAsync(o => o.Id == id)).IsActive);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Organization" && a.Action == "Update");
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);
        Assert.Contains("\"IsActive\":true", audit.Before);
        Assert.Contains("\"IsActive\":false", audit.After);

        var reactivated = await officer.PostAsync($"/api/v1/organizations/{id}/reactivate", null);
        Assert.True((await reactivated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isActive").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CsvExport_ContainsOnlyTheRowsInScope(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = await app.SignInAsync(app.World.OfficerA);
        var commander = await app.SignInAsync(app.World.Commander);

        var own = await officer.GetAsync("/organizations?handler=csv");
        var all = await commander.GetAsync($"/organizations?unitId={app.World.Province.Id}&handler=csv");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/csv", own.Content.Headers.ContentType?.MediaType);
        var ownCsv = await own.Content.ReadAsStringAsync();
        Assert.Contains("UBND phường Tân An", ownCsv);
        Assert.DoesNotContain("Tân Biên", ownCsv);
        var allCsv = await all.Content.ReadAsStringAsync();
        Assert.Contains("UBND phường Tân An", allCsv);
        Assert.Contains("UBND xã Tân Biên", allCsv);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Create_UnknownFieldOrBadEmail_IsRejected(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);

        var unknown = await officer.PostAsync("/api/v1/organizations", new StringContent($$"""{"unitId":{{app.World.CommuneA.Id}},"kind":"Police","name":"X","colour":"red"}""", Encoding.UTF8, "application/json"));
        var badEmail = await officer.PostAsJsonAsync("/api/v1/organizations", new { unitId = app.World.CommuneA.Id, kind = "Police", name = "X", email = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("colour", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Contains("email", (await badEmail.Content.ReadAsStringAsync()).ToLowerInvariant());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Pages_CreateEditAndAddContact_ThroughForms(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var browser = await app.SignInAsync(app.World.OfficerA);

        var form = await browser.GetStringAsync($"/organizations/new?unitId={app.World.CommuneA.Id}");
        var created = await browser.PostAsync($"/organizations/new?unitId={app.World.CommuneA.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Trạm Y tế phường Tân An",
            ["Input.Kind"] = "Hospital",
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.ToString();

        var details = await browser.GetStringAsync(location);
        var contact = await browser.PostAsync(location + "?handler=AddContact", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Contact.Name"] = "Phạm Thị Dung",
            ["Contact.Phone"] = "0912 000 111",
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(details),
        }));
        var list = await browser.GetStringAsync("/organizations?search=y%20t%E1%BA%BF");

        Assert.Contains("Trạm Y tế phường Tân An", details);
        Assert.Contains("Bệnh viện", System.Net.WebUtility.HtmlDecode(details));
        Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        Assert.Contains("Phạm Thị Dung", await browser.GetStringAsync(location));
        Assert.Contains("Trạm Y tế phường Tân An", list);
    }
}
