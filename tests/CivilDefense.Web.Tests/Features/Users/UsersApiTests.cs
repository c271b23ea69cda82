using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Users;

public sealed class UsersApiTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateUser_WithoutPassword_ReturnsGeneratedPasswordThatSignsIn(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "new-officer", displayName = "Nguyễn Văn A", role = "Officer", unitId = app.World.CommuneA.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var password = body.GetProperty("generatedPassword").GetString()!;
        Assert.Equal(16, password.Length);
        Assert.DoesNotContain("passwordHash", body.GetRawText(), StringComparison.OrdinalIgnoreCase);
        await using var db = app.OpenDatabase();
        var signIn = await new SignIn(db).HandleAsync(new SignIn.Input("new-officer", password), CancellationToken.None);
        Assert.True(signIn.IsSuccess);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.Action == "Create" && a.Actor == "token:admin-token");
        Assert.DoesNotContain(password, audit.After);
        Assert.Contains("chars]", audit.After);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateUser_DuplicateNameOrWeakPasswordOrLiaisonWithoutOrganisation_IsRejectedOnTheField(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);

        var duplicate = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "Viewer", displayName = "X", role = "Viewer", unitId = app.World.Province.Id });
        var weak = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "weak", displayName = "X", role = "Viewer", unitId = app.World.Province.Id, password = "short" });
        var liaison = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "liaison-x", displayName = "X", role = "AgencyLiaison", unitId = app.World.CommuneA.Id });
        var liaisonWrongOrg = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "liaison-y", displayName = "X", role = "AgencyLiaison", unitId = app.World.CommuneA.Id, organizationId = app.World.OrganizationB.Id });
        var liaisonOk = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "liaison-z", displayName = "X", role = "AgencyLiaison", unitId = app.World.CommuneA.Id, organizationId = app.World.OrganizationA.Id });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("UserName", await duplicate.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.Contains("Password", await weak.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, liaison.StatusCode);
        Assert.Contains("OrganizationId", await liaison.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, liaisonWrongOrg.StatusCode);
        Assert.Equal(HttpStatusCode.Created, liaisonOk.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ProvinceAdministrator_CannotGrantAboveOwnScope_NorSeeOtherProvinces(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var (provinceAdmin, otherProvinceUserId) = await SeedProvinceAdministratorAsync(app);

        var country = await provinceAdmin.PostAsJsonAsync("/api/v1/users", new { userName = "boss", displayName = "X", role = "Administrator", unitId = app.World.Country.Id });
        var commune = await provinceAdmin.PostAsJsonAsync("/api/v1/users", new { userName = "commune-admin", displayName = "X", role = "Administrator", unitId = app.World.CommuneB.Id });
        var raise = await provinceAdmin.PutAsJsonAsync($"/api/v1/users/{app.World.Viewer.Id}", new { version = 0, displayName = "viewer", role = "Viewer", unitId = app.World.Country.Id });
        var other = await provinceAdmin.GetAsync($"/api/v1/users/{otherProvinceUserId}");
        var list = await provinceAdmin.GetFromJsonAsync<JsonElement>("/api/v1/users?pageSize=100");

        Assert.Equal(HttpStatusCode.Forbidden, country.StatusCode);
        Assert.Equal(HttpStatusCode.Created, commune.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, raise.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var names = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ToList();
        Assert.DoesNotContain("admin", names);
        Assert.DoesNotContain("hanoi-viewer", names);
        Assert.Contains("commander", names);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateUser_ChangesRole_AndConflictsOnStaleVersion(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);
        var url = $"/api/v1/users/{app.World.Viewer.Id}";

        var ok = await admin.PutAsJsonAsync(url, new { version = 0, displayName = "Người xem", role = "Officer", unitId = app.World.CommuneA.Id });
        var stale = await admin.PutAsJsonAsync(url, new { version = 0, displayName = "Người xem", role = "Commander", unitId = app.World.CommuneA.Id });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Officer", body.GetProperty("role").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SignedInAdministrator_CannotChangeOwnRoleOrDeactivateSelf(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        await using var db = app.OpenDatabase(new Actor("admin", Role.Administrator, app.World.Country.Id, app.World.Country.Path, UserId: app.World.Admin.Id));
        var update = new UpdateUser(db);
        var manage = new ManageUserAccount(db);

        var ownRole = await update.HandleAsync(app.World.Admin.Id, new UpdateUser.Input(0, "admin", Role.Viewer, app.World.Country.Id), CancellationToken.None);
        var ownName = await update.HandleAsync(app.World.Admin.Id, new UpdateUser.Input(0, "Quản trị", Role.Administrator, app.World.Country.Id), CancellationToken.None);
        var deactivate = await manage.DeactivateAsync(app.World.Admin.Id, CancellationToken.None);

        Assert.IsType<Core.Common.ForbiddenError>(ownRole.Error);
        Assert.True(ownName.IsSuccess);
        Assert.IsType<Core.Common.ForbiddenError>(deactivate.Error);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task DeactivateResetUnlock_WorkAndDropTheCookie(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);
        var viewerBrowser = await app.SignInAsync(app.World.Viewer);
        await using (var db = app.OpenDatabase())
        {
            var viewer = await db.Users.SingleAsync(u => u.Id == app.World.Viewer.Id);
            viewer.LockoutEndsAt = DateTime.UtcNow.AddMinutes(10);
            await db.SaveChangesAsync();
        }

        var unlock = await admin.PostAsync($"/api/v1/users/{app.World.Viewer.Id}/unlock", null);
        var reset = await admin.PostAsync($"/api/v1/users/{app.World.Viewer.Id}/reset-password", null);
        var deactivate = await admin.PostAsync($"/api/v1/users/{app.World.Viewer.Id}/deactivate", null);
        var afterDeactivate = await viewerBrowser.GetAsync("/api/v1/me");
        var reactivate = await admin.PostAsync($"/api/v1/users/{app.World.Viewer.Id}/reactivate", null);

        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.False((await unlock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isLockedOut").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var password = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("password").GetString()!;
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDeactivate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        await using var check = app.OpenDatabase();
        Assert.True((await new SignIn(check).HandleAsync(new SignIn.Input("viewer", password), CancellationToken.None)).IsSuccess);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UsersApi_ForNonAdministrators_IsForbidden(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);

        var commander = await app.ApiAs(app.World.Commander).GetAsync("/api/v1/users");
        var viewer = await app.ApiAs(app.World.Viewer).PostAsJsonAsync("/api/v1/users", new { userName = "x1234", displayName = "X", role = "Viewer", unitId = app.World.Province.Id });

        Assert.Equal(HttpStatusCode.Forbidden, commander.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ListUsers_FiltersByRoleUnitActiveAndSearch(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var admin = app.ApiAs(app.World.Admin);

        var officers = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?role=Officer");
        var inA = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/users?unitId={app.World.CommuneA.Id}");
        var search = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users?search=COMM&active=true");

        Assert.Equal(2, officers.GetProperty("total").GetInt32());
        Assert.Equal(["liaison-a", "officer-a"], Names(inA));
        Assert.Equal(["commander"], Names(search));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task ChangeOwnPassword_NeedsTheCurrentOne(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var viewer = await app.SignInAsync(app.World.Viewer);
        var page = await viewer.GetStringAsync("/account/profile");
        var token = PtdsApp.AntiforgeryToken(page);

        var wrong = await viewer.PostAsync("/account/profile?handler=password", Form(token, ("Password.CurrentPassword", "nope-nope-nope"), ("Password.NewPassword", "a-brand-new-password")));
        var right = await viewer.PostAsync("/account/profile?handler=password", Form(token, ("Password.CurrentPassword", TestWorld.Password), ("Password.NewPassword", "a-brand-new-password")));

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.True((await new SignIn(db).HandleAsync(new SignIn.Input("viewer", "a-brand-new-password"), CancellationToken.None)).IsSuccess);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "User" && a.Actor == "viewer" && a.Action == "Update" && a.Before!.Contains("PasswordHash")));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UserPages_RenderAndCreateThroughTheForm(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var browser = await app.SignInAsync(app.World.Admin);

        var list = await browser.GetStringAsync("/users");
        var form = await browser.GetStringAsync("/users/new");
        var created = await browser.PostAsync("/users/new", Form(PtdsApp.AntiforgeryToken(form),
            ("Input.UserName", "page-user"), ("Input.DisplayName", "Trần Thị B"), ("Input.Role", "Viewer"), ("Input.UnitId", app.World.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var csv = await browser.GetStringAsync("/users?handler=csv");
        var viewerPage = await (await app.SignInAsync(app.World.Viewer)).GetAsync("/users");

        Assert.Contains("officer-a", list);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        Assert.Contains("class=\"secret\"", html);
        Assert.Contains("page-user", csv);
        Assert.NotEqual(HttpStatusCode.OK, viewerPage.StatusCode);
        var userId = await GetUserIdAsync(app, "page-user");
        Assert.Contains("Trần Thị B", await browser.GetStringAsync($"/users/{userId}"));
    }

    internal static async Task<int> GetUserIdAsync(PtdsApp app, string userName)
    {
        await using var db = app.OpenDatabase();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    internal static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));

    /// <summary>Adds another province with a viewer, and an administrator of Tây Ninh with a token.</summary>
    internal static async Task<(HttpClient Client, int OtherProvinceUserId)> SeedProvinceAdministratorAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        var hanoi = new Core.Geography.AdministrativeUnit { Code = "01", Kind = Core.Geography.UnitKind.Municipality, Name = "Hà Nội", FullName = "Thành phố Hà Nội", ParentId = app.World.Country.Id };
        db.Units.Add(hanoi);
        await db.SaveChangesAsync();
        var other = new User { UserName = "hanoi-viewer", DisplayName = "Hà Nội", Role = Role.Viewer, UnitId = hanoi.Id, CreatedAt = DateTime.UtcNow };
        var provinceAdmin = new User { UserName = "tayninh-admin", DisplayName = "Tây Ninh", Role = Role.Administrator, UnitId = app.World.Province.Id, CreatedAt = DateTime.UtcNow };
        db.Users.AddRange(other, provinceAdmin);
        var secret = TokenSecrets.Create();
        db.ApiTokens.Add(new ApiToken
        {
            Name = "tayninh-admin-token",
            Prefix = secret.Prefix,
            SecretHash = secret.SecretHash,
            Role = Role.Administrator,
            UnitId = app.World.Province.Id,
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = DateTime.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        var client = app.ApiAs(new TestUser(provinceAdmin.Id, provinceAdmin.UserName, Role.Administrator, app.World.Province.Id, secret.Token));
        return (client, other.Id);
    }

    private static List<string?> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ToList();
}
