using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.Features.Users;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Audit;

public sealed class AuditApiTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task EveryApiWrite_LeavesAnEntry(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);
        long before;
        await using (var db = app.OpenDatabase())
        {
            before = await db.AuditEntries.MaxAsync(a => a.Id);
        }

        var user = await (await admin.PostAsJsonAsync("/api/v1/users", new { userName = "audited", displayName = "A", role = "Viewer", unitId = app.World.Province.Id }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var userId = user.GetProperty("user").GetProperty("id").GetInt32();
        await admin.PutAsJsonAsync($"/api/v1/users/{userId}", new { version = 0, displayName = "B", role = "Viewer", unitId = app.World.Province.Id });
        await admin.PostAsync($"/api/v1/users/{userId}/deactivate", null);
        await admin.PostAsync($"/api/v1/users/{userId}/reset-password", null);
        var token = await (await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "t", role = "Viewer", unitId = app.World.Province.Id, expiresInDays = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await admin.PostAsync($"/api/v1/tokens/{token.GetProperty("token").GetProperty("id").GetInt32()}/revoke", null);
        await admin.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", new { version = 0, name = "Tân An", fullName = "Phường Tân An", households = 5 });

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?pageSize=100");
        var rows = trail.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("id").GetInt64() > before)
            .Select(r => r.GetProperty("action").GetString() + " " + r.GetProperty("entityType").GetString()).ToList();
        Assert.Equal(
            ["Update AdministrativeUnit", "Update ApiToken", "Create ApiToken", "Update User", "Update User", "Update User", "Create User"],
            rows);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task OfficerAndViewer_AreForbidden(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);

        var officer = await app.ApiAs(app.World.OfficerA).GetAsync("/api/v1/audit");
        var viewer = await app.ApiAs(app.World.Viewer).GetAsync("/api/v1/audit/export");
        var liaison = await app.ApiAs(app.World.LiaisonA).GetAsync("/api/v1/audit/1");

        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, liaison.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Commander_SeesOwnProvinceOnly(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (_, hanoiUserId) = await UsersApiTests.SeedProvinceAdministratorAsync(app);
        var commander = app.ApiAs(app.World.Commander);
        await commander.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneB.Id}", new { version = 0, name = "Tân Biên", fullName = "Xã Tân Biên", households = 7 });

        var trail = await commander.GetFromJsonAsync<JsonElement>("/api/v1/audit?pageSize=500");
        var hanoiEntry = await FirstEntryIdAsync(app, "User", hanoiUserId);
        var hidden = await commander.GetAsync($"/api/v1/audit/{hanoiEntry}");

        var entities = trail.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("entityType").GetString(), r.GetProperty("entityId").GetString())).ToList();
        Assert.Contains(("AdministrativeUnit", app.World.CommuneB.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entities);
        Assert.Contains(("User", app.World.OfficerA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entities);
        Assert.DoesNotContain(("User", hanoiUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)), entities);
        Assert.DoesNotContain(("AdministrativeUnit", app.World.Country.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), entities);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Filters_AndDetail_ShowBeforeAndAfter(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);
        await admin.PutAsJsonAsync($"/api/v1/units/{app.World.CommuneA.Id}", new { version = 0, name = "Tân An", fullName = "Phường Tân An", households = 42 });
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var filtered = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?action=Update&entityType=AdministrativeUnit&actor=token:admin-token&entityId={app.World.CommuneA.Id}&from={today}&to={today}");
        var yesterday = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?to={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");
        var id = filtered.GetProperty("items")[0].GetProperty("id").GetInt64();
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit/{id}");
        var browser = await app.SignInAsync(app.World.Commander);
        var page = await browser.GetStringAsync($"/audit/{id}");
        var listPage = await browser.GetStringAsync("/audit?entityType=AdministrativeUnit");

        Assert.Equal(1, filtered.GetProperty("total").GetInt32());
        Assert.Equal(0, yesterday.GetProperty("total").GetInt32());
        Assert.Contains("\"Households\":null", detail.GetProperty("before").GetString());
        Assert.Contains("\"Households\":42", detail.GetProperty("after").GetString());
        Assert.Contains("Households", page);
        Assert.Contains($"/audit/{id}", listPage);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CsvExport_HasHeaderAndAllFilteredRows(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);
        int total;
        await using (var db = app.OpenDatabase())
        {
            total = await db.AuditEntries.CountAsync(a => a.EntityType == "User");
        }

        var response = await admin.GetAsync("/api/v1/audit/export?entityType=User&pageSize=1");
        var browser = await app.SignInAsync(app.World.Admin);
        var fromPage = await browser.GetStringAsync("/audit?handler=csv&entityType=User");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(AuditCsv.Header, lines[0]);
        Assert.Equal(total, lines.Count - 1);
        Assert.True(total >= 6);
        Assert.All(lines.Skip(1), l => Assert.Contains(",User,", l));
        Assert.Contains(AuditCsv.Header, fromPage);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task AuditRows_CannotBeChangedOrDeleted(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var db = app.OpenDatabase();
        var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();

        entry.Actor = "someone-else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // The database refuses too, for anyone who goes around the context.
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "x")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == entry.Id).ExecuteDeleteAsync());
        Assert.NotEqual("someone-else", (await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entry.Id)).Actor);
    }

    private static async Task<long> FirstEntryIdAsync(PtdsApp app, string entityType, int entityId)
    {
        await using var db = app.OpenDatabase();
        var id = entityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await db.AuditEntries.Where(a => a.EntityType == entityType && a.EntityId == id).Select(a => a.Id).FirstAsync();
    }
}
