using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PlanTrackingBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task A_commune_files_progress_on_my_tasks_and_the_province_sees_it_on_the_dashboard()
    {
        // The last commune of the demo province: its bodies implement the demo plan (seed 002) through its group phrases.
        string commune;
        int planId;
        await using (var db = app.OpenDatabase())
        {
            var province = await app.UnitIdAsync("80");
            commune = await db.Units.Where(u => u.ParentId == province && u.ValidTo == null).OrderByDescending(u => u.Code).Select(u => u.Code).FirstAsync();
            planId = await db.Plans.Where(p => p.NumberSymbol == null).Select(p => p.Id).FirstAsync();
        }

        var officer = await app.SignInAsync(await app.OfficerOfAsync(commune), BrowserApp.OfficerPassword);
        await officer.GotoAsync(app.BaseUrl + "/plans/my-tasks");
        var first = officer.Locator("#my-tasks tbody tr[data-assignment]").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var assignment = await first.GetAttributeAsync("data-assignment");
        var form = officer.Locator($"#my-tasks form:has(input[name=assignmentId][value='{assignment}'])");
        await officer.Locator($"#my-tasks tr[data-assignment='{assignment}'] + tr summary").ClickAsync();
        await form.Locator("select[name=status]").SelectOptionAsync("InProgress");
        await form.Locator("input[name=percent]").FillAsync("40");
        await form.Locator("textarea[name=narrative]").FillAsync("Đã tổ chức 2 buổi tuyên truyền về phòng thủ dân sự tại các ấp.");
        await form.Locator("textarea[name=figures]").FillAsync("Số buổi = 2");
        await BrowserApp.ScreenshotAsync(officer, "30-my-tasks-form");
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(officer.Locator("#my-tasks-message")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator($"#my-tasks tr[data-assignment='{assignment}'] td.status")).ToContainTextAsync("40%");

        // The province sees the report on the plan's dashboard: one assignment in progress, the heat map and the chart.
        var admin = await app.SignInAsync("admin", app.AdminPassword);
        await admin.GotoAsync($"{app.BaseUrl}/plans/{planId}/dashboard");
        await Assertions.Expect(admin.Locator("#dashboard-totals dd[data-status=InProgress]")).Not.ToHaveTextAsync("0");
        await Assertions.Expect(admin.Locator("#heatmap")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#progress-chart")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "31-plan-dashboard");
    }

    [Fact]
    public async Task A_commune_carries_two_tasks_of_the_province_plan_down_into_its_own_plan()
    {
        string commune;
        int planId;
        await using (var db = app.OpenDatabase())
        {
            var province = await app.UnitIdAsync("80");
            commune = await db.Units.Where(u => u.ParentId == province && u.ValidTo == null).OrderBy(u => u.Code).Select(u => u.Code).FirstAsync();
            planId = await db.Plans.Where(p => p.NumberSymbol == null).Select(p => p.Id).FirstAsync();
        }

        var officer = await app.SignInAsync(await app.OfficerOfAsync(commune), BrowserApp.OfficerPassword);
        await officer.GotoAsync($"{app.BaseUrl}/plans/{planId}");
        await officer.Locator("#plan-subordinate summary").ClickAsync();
        var form = officer.Locator("#plan-subordinate form");
        await form.Locator("input[name=title]").FillAsync("Kế hoạch phòng thủ dân sự của xã năm 2026");
        await form.Locator("input[name=taskIds]").Nth(0).CheckAsync();
        await form.Locator("input[name=taskIds]").Nth(1).CheckAsync();
        await BrowserApp.ScreenshotAsync(officer, "32-carry-down-form");
        await form.Locator("#subordinate-create").ClickAsync();

        await Assertions.Expect(officer.Locator("#plan-title")).ToContainTextAsync("Kế hoạch phòng thủ dân sự của xã năm 2026");
        await Assertions.Expect(officer.Locator("#plan-message")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("table.tasks tbody tr")).ToHaveCountAsync(2);

        // The province's plan page shows the commune carrying those tasks down.
        var admin = await app.SignInAsync("admin", app.AdminPassword);
        await admin.GotoAsync($"{app.BaseUrl}/plans/{planId}");
        await Assertions.Expect(admin.Locator(".carried-down")).ToHaveCountAsync(2);
    }
}
