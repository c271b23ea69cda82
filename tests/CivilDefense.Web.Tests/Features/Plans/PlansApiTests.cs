using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Plans;

public sealed class PlansApiTests
{
    /// <summary>A plan of the test province naming the bodies of the test world, and one it does not know.</summary>
    private const string Plan = """
        ## KẾ HOẠCH

        **Số 7-KH/UBND**

        **về phòng thủ dân sự năm 2025**

        ### I. NHIỆM VỤ, GIẢI PHÁP

        **1. Tuyên truyền**

        **1.1.** Tuyên truyền về phòng thủ dân sự trên địa bàn.

        - *Cơ quan chỉ đạo:* UBND phường Tân An.
        - *Cơ quan tổ chức thực hiện:* UBND phường Tân An; UBND xã Tân Biên; Hội Người cao tuổi tỉnh.
        - *Thời gian thực hiện:* Thường xuyên.

        **1.2.** Diễn tập phòng thủ dân sự.

        - *Cơ quan tổ chức thực hiện:* UBND xã Tân Biên.
        - *Thời gian thực hiện:* Năm 2025.
        """;

    private static MultipartFormDataContent Form(string text, int unitId, string name = "plan.md", string? decisions = null)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
            { new StringContent(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unitId" },
        };
        if (decisions is not null)
        {
            form.Add(new StringContent(decisions), "decisions");
        }

        return form;
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Preview_then_import_then_import_again(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);

        var preview = await commander.PostAsync("/api/v1/plans/import/preview", Form(Plan, app.World.Province.Id));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("New", body.GetProperty("outcome").GetString());
        Assert.Equal(2, body.GetProperty("taskCount").GetInt32());
        var review = Assert.Single(body.GetProperty("review").EnumerateArray());
        Assert.Contains("Hội Người cao tuổi", review.GetProperty("mention").GetString(), StringComparison.Ordinal);

        var imported = await commander.PostAsync("/api/v1/plans/import", Form(Plan, app.World.Province.Id));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var result = await imported.Content.ReadFromJsonAsync<JsonElement>();
        var planId = result.GetProperty("planId").GetInt32();
        Assert.Equal(3, result.GetProperty("assignments").GetInt32());

        var again = await commander.PostAsync("/api/v1/plans/import", Form(Plan, app.World.Province.Id));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Unchanged", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var plan = await commander.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{planId}");
        Assert.Equal("7-KH/UBND", plan.GetProperty("numberSymbol").GetString());
        Assert.Equal(2, plan.GetProperty("groups")[0].GetProperty("tasks").GetArrayLength());

        // The commune officer sees the province's plan, and only its own body's assignment counts.
        var officerA = app.ApiAs(app.World.OfficerA);
        var list = await officerA.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        Assert.Equal(planId, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt32());
        await using var db = app.OpenDatabase();
        Assert.Equal(3, await db.PlanAssignments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Bad_files_are_refused_with_problem_details_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = app.ApiAs(app.World.Commander);
        var province = app.World.Province.Id;

        var notAPlan = await commander.PostAsync("/api/v1/plans/import", Form("Hôm nay trời nắng đẹp.\n\nChúng tôi đi dạo.", province, "note.txt"));
        var corrupt = await commander.PostAsync("/api/v1/plans/import", new MultipartFormDataContent
        {
            { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9]), "file", "plan.docx" },
            { new StringContent(province.ToString(System.Globalization.CultureInfo.InvariantCulture)), "unitId" },
        });
        var noUnit = await commander.PostAsync("/api/v1/plans/import", new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(Plan)), "file", "plan.md" } });
        var json = await commander.PostAsJsonAsync("/api/v1/plans/import", new { unitId = province });
        var huge = new ByteArrayContent(new byte[13 * 1024 * 1024]);
        var tooLarge = await commander.PostAsync("/api/v1/plans/import", new MultipartFormDataContent { { huge, "file", "big.md" } });
        var badDecisions = await commander.PostAsync("/api/v1/plans/import", Form(Plan, province, decisions: "[{\"mentionKey\": 5"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAPlan.StatusCode);
        Assert.Equal("application/problem+json", notAPlan.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, corrupt.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noUnit.StatusCode);
        Assert.Contains("unitId", await noUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDecisions.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.Plans.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Import_is_denied_outside_scope_and_to_readers(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);

        var viewer = await app.ApiAs(app.World.Viewer).PostAsync("/api/v1/plans/import", Form(Plan, app.World.Province.Id));
        var officerBIntoA = await app.ApiAs(app.World.OfficerB).PostAsync("/api/v1/plans/import", Form(Plan, app.World.CommuneA.Id));
        var liaison = await app.ApiAs(app.World.LiaisonA).PostAsync("/api/v1/plans/import", Form(Plan, app.World.CommuneA.Id));
        var officerBIntoProvince = await app.ApiAs(app.World.OfficerB).PostAsync("/api/v1/plans/import/preview", Form(Plan, app.World.Province.Id));

        // A browser session must carry the antiforgery token: a cross-site form cannot post a plan with the cookie.
        var session = await app.SignInAsync(app.World.Commander);
        var forged = await session.PostAsync("/api/v1/plans/import", Form(Plan, app.World.Province.Id));

        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, officerBIntoA.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, liaison.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, officerBIntoProvince.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(0, await db.Plans.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_import_page_previews_then_applies_and_shows_the_plan(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var session = await app.SignInAsync(app.World.Commander);
        var page = await session.GetStringAsync("/plans/import");
        var token = PtdsApp.AntiforgeryToken(page);

        var form = Form(Plan, app.World.Province.Id);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var preview = await session.PostAsync("/plans/import?handler=preview", form);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("data-tasks=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("Hội Người cao tuổi tỉnh", html, StringComparison.Ordinal);
        var uploadId = System.Text.RegularExpressions.Regex.Match(html, "name=\"UploadId\" value=\"([0-9a-f]+)\"").Groups[1].Value;

        var apply = await session.PostAsync("/plans/import?handler=apply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(html),
            ["UploadId"] = uploadId,
            ["unitId"] = app.World.Province.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Decisions[0].Key"] = "x",
            ["Decisions[0].Choice"] = "later",
        }));
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        var planPage = await session.GetStringAsync(apply.Headers.Location!.ToString());
        Assert.Contains("7-KH/UBND", planPage, StringComparison.Ordinal);
        Assert.Contains("id=\"plan-review\"", planPage, StringComparison.Ordinal);
    }
}
