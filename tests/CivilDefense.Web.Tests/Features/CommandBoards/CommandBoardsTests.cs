using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.CommandBoards;

public sealed class CommandBoardsTests
{
    private static readonly DateTime Tomorrow = DateTime.UtcNow.Date.AddDays(1);

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task BoardWithMembersAndRoster_ShowsMembersByRoleAndUpcomingShifts(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var boardId = app.World.BoardA.Id;

        var member = await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/members", new { fullName = "Trần Văn Bình", position = "Phó Chủ tịch UBND phường", role = "Member" });
        var head = await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/members", new { fullName = "Nguyễn Văn An", position = "Chủ tịch UBND phường", role = "Head", organizationId = app.World.OrganizationA.Id });
        var headId = (await head.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var shift = await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/shifts", new { memberId = headId, startsAt = Tomorrow.AddHours(1), endsAt = Tomorrow.AddHours(13), note = "Trực bão" });
        var updated = await officer.PutAsJsonAsync($"/api/v1/boards/{boardId}", new { version = 0, name = "Ban Chỉ huy PTDS phường Tân An", standingAgencyId = app.World.OrganizationA.Id, establishingDecision = "Quyết định số 12/QĐ-UBND" });

        Assert.Equal(HttpStatusCode.Created, member.StatusCode);
        Assert.Equal(HttpStatusCode.Created, head.StatusCode);
        Assert.Equal(HttpStatusCode.Created, shift.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var board = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/boards/{boardId}");
        var groups = board.GetProperty("membersByRole").EnumerateArray().ToList();
        Assert.Equal(["Head", "StandingDeputy", "Deputy", "Member"], groups.Select(g => g.GetProperty("role").GetString()));
        Assert.Equal("Nguyễn Văn An", Assert.Single(groups[0].GetProperty("members").EnumerateArray()).GetProperty("fullName").GetString());
        Assert.Equal("Quyết định số 12/QĐ-UBND", board.GetProperty("establishingDecision").GetString());
        Assert.Equal("UBND phường Tân An", board.GetProperty("standingAgencyName").GetString());
        Assert.Equal("Trực bão", Assert.Single(board.GetProperty("upcomingShifts").EnumerateArray()).GetProperty("note").GetString());
        var range = await officer.GetFromJsonAsync<JsonElement[]>($"/api/v1/boards/{boardId}/shifts?from={Tomorrow:yyyy-MM-dd}&to={Tomorrow.AddDays(2):yyyy-MM-dd}");
        Assert.Single(range!);

        var browser = await app.SignInAsync(app.World.OfficerA);
        var page = await browser.GetStringAsync($"/boards/{boardId}");
        Assert.Contains("Nguyễn Văn An", page);
        Assert.Contains("Trưởng ban", page);
        Assert.Contains("Trực bão", page);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task SecondHead_IsRejectedOnTheRoleField(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var url = $"/api/v1/boards/{app.World.BoardA.Id}/members";
        await officer.PostAsJsonAsync(url, new { fullName = "Nguyễn Văn An", position = "Chủ tịch UBND", role = "Head" });

        var second = await officer.PostAsJsonAsync(url, new { fullName = "Lê Văn Cường", position = "Bí thư", role = "Head" });

        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Role", out _));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task OverlappingShiftOrEndBeforeStart_IsRejectedOnTheField(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var boardId = app.World.BoardA.Id;
        var member = await (await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/members", new { fullName = "Nguyễn Văn An", position = "Chủ tịch", role = "Head" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var memberId = member.GetProperty("id").GetInt32();
        var url = $"/api/v1/boards/{boardId}/shifts";
        await officer.PostAsJsonAsync(url, new { memberId, startsAt = Tomorrow.AddHours(0), endsAt = Tomorrow.AddHours(12) });

        var overlapping = await officer.PostAsJsonAsync(url, new { memberId, startsAt = Tomorrow.AddHours(6), endsAt = Tomorrow.AddHours(18) });
        var backwards = await officer.PostAsJsonAsync(url, new { memberId, startsAt = Tomorrow.AddHours(20), endsAt = Tomorrow.AddHours(19) });
        var adjacent = await officer.PostAsJsonAsync(url, new { memberId, startsAt = Tomorrow.AddHours(12), endsAt = Tomorrow.AddHours(24) });
        var otherBoardMember = await officer.PostAsJsonAsync(url, new { memberId = 999_999, startsAt = Tomorrow.AddDays(3), endsAt = Tomorrow.AddDays(3).AddHours(8) });

        Assert.Equal(HttpStatusCode.BadRequest, overlapping.StatusCode);
        Assert.True((await overlapping.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("StartsAt", out _));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.True((await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("EndsAt", out _));
        Assert.Equal(HttpStatusCode.Created, adjacent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherBoardMember.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(2, await db.DutyShifts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task BoardOfOtherCommune_IsNotFoundThroughApiAndPage(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var browser = await app.SignInAsync(app.World.OfficerA);
        var otherId = app.World.BoardB.Id;

        var api = await officer.GetAsync($"/api/v1/boards/{otherId}");
        var page = await browser.GetAsync($"/boards/{otherId}");
        var member = await officer.PostAsJsonAsync($"/api/v1/boards/{otherId}/members", new { fullName = "X", position = "Y", role = "Member" });
        var create = await officer.PostAsJsonAsync("/api/v1/boards", new { unitId = app.World.CommuneB.Id, name = "Ban mới" });
        var list = await officer.GetFromJsonAsync<JsonElement>("/api/v1/boards");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, create.StatusCode);
        Assert.Equal(app.World.BoardA.Id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task CreateBoard_SecondActiveBoardOrForeignStandingAgency_IsRejected_AfterDeactivationAllowed(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);

        var duplicate = await commander.PostAsJsonAsync("/api/v1/boards", new { unitId = app.World.CommuneA.Id, name = "Ban thứ hai" });
        var foreignAgency = await commander.PostAsJsonAsync("/api/v1/boards", new { unitId = app.World.Province.Id, name = "Ban Chỉ huy PTDS tỉnh", standingAgencyId = app.World.OrganizationB.Id });
        var deactivated = await commander.PostAsync($"/api/v1/boards/{app.World.BoardA.Id}/deactivate", null);
        var replacement = await commander.PostAsJsonAsync("/api/v1/boards", new { unitId = app.World.CommuneA.Id, name = "Ban Chỉ huy PTDS phường Tân An (mới)", standingAgencyId = app.World.OrganizationA.Id });
        var reactivateOld = await commander.PostAsync($"/api/v1/boards/{app.World.BoardA.Id}/reactivate", null);
        var foreignInBoardUnit = await commander.PutAsJsonAsync($"/api/v1/boards/{app.World.BoardB.Id}", new { version = 0, name = "Ban Chỉ huy PTDS xã Tân Biên", standingAgencyId = app.World.OrganizationA.Id });

        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("UnitId", out _));
        Assert.Equal(HttpStatusCode.Created, foreignAgency.StatusCode); // commune B's organisation lies under the province
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replacement.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reactivateOld.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignInBoardUnit.StatusCode);
        Assert.True((await foreignInBoardUnit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("StandingAgencyId", out _));
        await using var db = app.OpenDatabase();
        Assert.False((await db.CommandBoards.SingleAsync(b => b.Id == app.World.BoardA.Id)).IsActive);
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "CommandBoard" && a.Action == "Update" && a.EntityId == app.World.BoardA.Id.ToString());
        Assert.Contains("\"IsActive\":true", audit.Before);
        Assert.Contains("\"IsActive\":false", audit.After);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Viewer_IsRefusedEveryBoardWrite(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var viewer = app.ApiAs(app.World.Viewer);
        var id = app.World.BoardA.Id;

        HttpResponseMessage[] responses =
        [
            await viewer.PostAsJsonAsync("/api/v1/boards", new { unitId = app.World.Province.Id, name = "Ban" }),
            await viewer.PutAsJsonAsync($"/api/v1/boards/{id}", new { version = 0, name = "Ban" }),
            await viewer.PostAsync($"/api/v1/boards/{id}/deactivate", null),
            await viewer.PostAsJsonAsync($"/api/v1/boards/{id}/members", new { fullName = "X", position = "Y", role = "Member" }),
            await viewer.PutAsJsonAsync($"/api/v1/boards/{id}/members/1", new { version = 0, fullName = "X", position = "Y", role = "Member" }),
            await viewer.PostAsync($"/api/v1/boards/{id}/members/1/deactivate", null),
            await viewer.PostAsJsonAsync($"/api/v1/boards/{id}/shifts", new { memberId = 1, startsAt = Tomorrow, endsAt = Tomorrow.AddHours(8) }),
            await viewer.DeleteAsync($"/api/v1/boards/{id}/shifts/1"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task UpdateMember_StaleVersion_AnswersConflict_AndUnknownFieldIsRejected(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var boardId = app.World.BoardA.Id;
        var created = await (await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/members", new { fullName = "Nguyễn Văn An", position = "Chủ tịch", role = "Deputy" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var url = $"/api/v1/boards/{boardId}/members/{created.GetProperty("id").GetInt32()}";

        var first = await officer.PutAsJsonAsync(url, new { version = 0, fullName = "Nguyễn Văn An", position = "Chủ tịch", role = "StandingDeputy" });
        var stale = await officer.PutAsJsonAsync(url, new { version = 0, fullName = "Nguyễn Văn An", position = "Chủ tịch", role = "Member" });
        var unknown = await officer.PostAsJsonAsync($"/api/v1/boards/{boardId}/members", new { fullName = "X", position = "Y", role = "Member", rank = "Colonel" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("rank", await unknown.Content.ReadAsStringAsync());
    }
}
