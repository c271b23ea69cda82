using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;
using CivilDefense.Web.Tests.TestSupport;

namespace CivilDefense.Web.Tests.Features.Plans;

public sealed class PlanTrackingApiTests
{
    private static async Task<TestPlan> SeedPlanAsync(PtdsApp app)
    {
        await using var db = app.OpenDatabase();
        // The province's plan: UBND xã Tân Biên (B) leads, UBND phường Tân An (A) and B carry it out.
        return await TestPlan.SeedAsync(db, app.World.Province.Id, app.World.OrganizationB, [app.World.OrganizationA, app.World.OrganizationB]);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_liaison_files_progress_and_the_plan_unit_reviews_it(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var plan = await SeedPlanAsync(app);
        var liaison = app.ApiAs(app.World.LiaisonA);
        var assignment = plan.Assignment(plan.Recurring, app.World.OrganizationA).Id;

        var mine = await liaison.GetFromJsonAsync<JsonElement>("/api/v1/plans/my-tasks");
        Assert.Equal(3, mine.GetProperty("total").GetInt32());

        var filed = await liaison.PostAsJsonAsync($"/api/v1/plans/assignments/{assignment}/reports",
            new { status = "InProgress", percent = 30, narrative = "Đã tuyên truyền tại 5 khu phố", figures = new Dictionary<string, decimal> { ["Số buổi"] = 5 } });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reportId = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var other = await app.ApiAs(app.World.OfficerB).PostAsJsonAsync($"/api/v1/plans/assignments/{assignment}/reports", new { status = "InProgress", narrative = "x" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType!.MediaType);
        var viewer = await app.ApiAs(app.World.Viewer).PostAsJsonAsync($"/api/v1/plans/assignments/{assignment}/reports", new { status = "InProgress", narrative = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        var empty = await liaison.PostAsJsonAsync($"/api/v1/plans/assignments/{assignment}/reports", new { status = "InProgress", narrative = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("narrative", out _));

        var selfReview = await liaison.PostAsJsonAsync($"/api/v1/plans/reports/{reportId}/review", new { decision = "Accept" });
        Assert.Equal(HttpStatusCode.Forbidden, selfReview.StatusCode);
        var accepted = await app.ApiAs(app.World.Commander).PostAsJsonAsync($"/api/v1/plans/reports/{reportId}/review", new { decision = "Accept" });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewState").GetString());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Attachments_are_checked_and_downloaded_as_attachments_within_scope(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var plan = await SeedPlanAsync(app);
        var liaison = app.ApiAs(app.World.LiaisonA);
        var url = $"/api/v1/plans/assignments/{plan.Assignment(plan.Dated, app.World.OrganizationA).Id}/reports";

        static MultipartFormDataContent Form(string fileName, byte[] content)
        {
            var form = new MultipartFormDataContent { { new StringContent("{\"status\":\"Completed\",\"narrative\":\"Kế hoạch đã ban hành\"}"), "report" } };
            form.Add(new ByteArrayContent(content), "files", fileName);
            return form;
        }

        var html = await liaison.PostAsync(url, Form("bao-cao.pdf", "<html><script>alert(1)</script></html>"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
        Assert.True((await html.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("attachments", out _));
        var traversal = await liaison.PostAsync(url, Form("..\\..\\ke-hoach.pdf", "%PDF-1.4\n%%EOF"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);

        var pdf = "%PDF-1.4 ke hoach\n%%EOF"u8.ToArray();
        var filed = await liaison.PostAsync(url, Form("Kế hoạch ứng phó.pdf", pdf));
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var report = await filed.Content.ReadFromJsonAsync<JsonElement>();
        var attachment = report.GetProperty("attachments")[0].GetProperty("id").GetInt32();
        var download = $"/api/v1/plans/reports/{report.GetProperty("id").GetInt32()}/attachments/{attachment}";

        var file = await app.ApiAs(app.World.Commander).GetAsync(download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerB).GetAsync(download)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Dashboard_exports_settings_and_subordinate_plans(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var plan = await SeedPlanAsync(app);
        var viewer = app.ApiAs(app.World.Viewer);

        var dashboard = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan.PlanId}/dashboard");
        Assert.Equal(5, dashboard.GetProperty("totals").GetProperty("assignments").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"/api/v1/plans/{plan.PlanId}/dashboard?period=2026-Q9")).StatusCode);
        var csv = await viewer.GetAsync($"/api/v1/plans/{plan.PlanId}/dashboard.csv?organizationId={app.World.OrganizationA.Id}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1 + 3, (await csv.Content.ReadAsStringAsync()).Trim().Split('\n').Length);

        var docx = await viewer.GetAsync($"/api/v1/plans/{plan.PlanId}/report/2026.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("bao-cao-83-kh-tu-2026.docx", docx.Content.Headers.ContentDisposition!.FileNameStar ?? docx.Content.Headers.ContentDisposition.FileName);
        var xlsx = await viewer.GetAsync($"/api/v1/plans/{plan.PlanId}/tasks.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await app.ApiAs(app.World.OfficerA).GetAsync("/api/v1/plans/99999/tasks.xlsx")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync($"/api/v1/plans/{plan.PlanId}/settings", new { reportingPeriod = "Quarterly" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ApiAs(app.World.OfficerA).PutAsJsonAsync($"/api/v1/plans/{plan.PlanId}/settings", new { reportingPeriod = "Quarterly" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.ApiAs(app.World.Commander).PutAsJsonAsync($"/api/v1/plans/{plan.PlanId}/settings", new { reportingPeriod = "Quarterly" })).StatusCode);

        var body = new { unitId = app.World.CommuneA.Id, taskIds = new[] { plan.Recurring.Id } };
        Assert.Equal(HttpStatusCode.BadRequest, (await app.ApiAs(app.World.OfficerB).PostAsJsonAsync($"/api/v1/plans/{plan.PlanId}/subordinate", body)).StatusCode);
        var created = await app.ApiAs(app.World.OfficerA).PostAsJsonAsync($"/api/v1/plans/{plan.PlanId}/subordinate", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var carried = await viewer.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{plan.PlanId}/carried-down");
        Assert.Equal(plan.Recurring.Id, Assert.Single(carried.EnumerateArray()).GetProperty("parentTaskId").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Pages_show_my_tasks_the_dashboard_and_take_a_progress_form(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var plan = await SeedPlanAsync(app);
        var browser = await app.SignInAsync(app.World.LiaisonA);

        var page = await browser.GetStringAsync("/plans/my-tasks");
        Assert.Contains("Nhiệm vụ của tôi", page);
        Assert.Contains(plan.Dated.Text, page);
        var posted = await browser.PostAsync("/plans/my-tasks?handler=file", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["assignmentId"] = plan.Assignment(plan.Recurring, app.World.OrganizationA).Id.ToString(),
            ["status"] = "InProgress",
            ["percent"] = "25",
            ["narrative"] = "Đã tuyên truyền qua loa phát thanh",
            ["figures"] = "Số buổi = 4",
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var commander = await app.SignInAsync(app.World.Commander);
        var dashboard = await commander.GetStringAsync($"/plans/{plan.PlanId}/dashboard");
        Assert.Contains("Bảng theo dõi", dashboard);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", dashboard);
        Assert.Contains("heat-", dashboard);
        var assignment = await commander.GetStringAsync($"/plans/assignments/{plan.Assignment(plan.Recurring, app.World.OrganizationA).Id}");
        Assert.Contains("Đã tuyên truyền qua loa phát thanh", assignment);
        Assert.Contains("Chấp nhận", assignment);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(app.World.OfficerB)).GetAsync($"/plans/assignments/{plan.Assignment(plan.Recurring, app.World.OrganizationA).Id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task A_commune_carries_tasks_down_from_the_plan_page(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        var plan = await SeedPlanAsync(app);

        // A viewer gets no form; the commune's officer may choose only its own commune.
        Assert.DoesNotContain("plan-subordinate", await (await app.SignInAsync(app.World.Viewer)).GetStringAsync($"/plans/{plan.PlanId}"));
        var officer = await app.SignInAsync(app.World.OfficerA);
        var page = await officer.GetStringAsync($"/plans/{plan.PlanId}");
        Assert.Contains("plan-subordinate", page);
        Assert.Contains($"<option value=\"{app.World.CommuneA.Id}\">", page);
        Assert.DoesNotContain($"<option value=\"{app.World.CommuneB.Id}\">", page);

        FormUrlEncodedContent Form(int unitId, params int[] taskIds) => new(
            taskIds.Select(id => KeyValuePair.Create("taskIds", id.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(KeyValuePair.Create("unitId", unitId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(KeyValuePair.Create("title", "Kế hoạch của xã"))
                .Append(KeyValuePair.Create("__RequestVerificationToken", PtdsApp.AntiforgeryToken(page))));

        var refused = await officer.PostAsync($"/plans/{plan.PlanId}?handler=subordinate", Form(app.World.CommuneB.Id, plan.Recurring.Id));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync($"/plans/{plan.PlanId}?handler=subordinate", Form(app.World.CommuneA.Id))).StatusCode);

        var created = await officer.PostAsync($"/plans/{plan.PlanId}?handler=subordinate", Form(app.World.CommuneA.Id, plan.Recurring.Id, plan.Dated.Id));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var child = await officer.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Kế hoạch của xã", child);
        Assert.Contains(plan.Dated.Text, child);
        Assert.DoesNotContain(plan.Period.Text, child);

        // The parent's page shows the commune carrying the two tasks down.
        var parent = await (await app.SignInAsync(app.World.Commander)).GetStringAsync($"/plans/{plan.PlanId}");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(parent, "class=\"carried-down\""));
    }

    private static Task<PtdsApp> StartAsync(DatabaseProvider provider) => PtdsApp.StartAsync(provider);
}
