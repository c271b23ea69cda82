using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PlanImportBrowserTests(BrowserApp app)
{
    /// <summary>A plan of its own number, so the demo plan other tests use stays as it is.</summary>
    private const string Plan = """
        BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH

        Số: 31-KH/BCH

        ## KẾ HOẠCH

        **về kiểm tra công tác phòng thủ dân sự (thử nghiệm trình duyệt)**

        ### I. NHIỆM VỤ, GIẢI PHÁP

        **1. Kiểm tra**

        **1.1.** Kiểm tra công tác chuẩn bị bốn tại chỗ.

        - *Cơ quan chỉ đạo:* Ban Thường vụ Tỉnh ủy.
        - *Cơ quan chủ trì tham mưu:* Đảng ủy Quân sự tỉnh.
        - *Cơ quan tổ chức thực hiện:* Đảng ủy Công an tỉnh; Hội Bảo trợ người khuyết tật tỉnh.
        - *Thời gian thực hiện:* Trước ngày 30/9/2026.

        **1.2.** Tổng hợp kết quả kiểm tra.

        - *Cơ quan chủ trì tham mưu:* Đảng ủy Quân sự tỉnh.
        - *Cơ quan tổ chức thực hiện:* Đảng ủy Bộ đội Biên phòng tỉnh.
        - *Thời gian thực hiện:* Năm 2026.
        """;

    [Fact]
    public async Task A_plan_is_previewed_applied_with_a_new_body_then_amended()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        await page.GotoAsync(app.BaseUrl + "/plans");
        await Assertions.Expect(page.Locator("#plans")).ToContainTextAsync("Nghị quyết số 22-NQ/TW");

        await page.ClickAsync("#import-plan");
        await UploadAsync(page, Plan);
        await Assertions.Expect(page.Locator("#preview-outcome")).ToHaveAttributeAsync("data-outcome", "New");
        await Assertions.Expect(page.Locator("#preview-counts")).ToHaveAttributeAsync("data-tasks", "2");
        var row = page.Locator("#review-list tbody tr", new PageLocatorOptions { HasText = "Hội Bảo trợ người khuyết tật" });
        await row.Locator("input[value=new]").CheckAsync();
        await row.Locator("select[name$=NewKind]").SelectOptionAsync("MassOrganization");
        await BrowserApp.ScreenshotAsync(page, "20-plan-import-preview");

        await page.ClickAsync("#apply");
        await page.WaitForURLAsync(new Regex("/plans/\\d+$"));
        await Assertions.Expect(page.Locator("#plan-title")).ToContainTextAsync("31-KH/BCH");
        await Assertions.Expect(page.Locator("tr[data-task='1.1']")).ToContainTextAsync("Hội Bảo trợ người khuyết tật tỉnh");
        await Assertions.Expect(page.Locator("#revisions li")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "21-plan-imported");
        var planUrl = page.Url;

        // The amended document: task 1.2 reworded. The preview names the change; applying makes revision 2.
        await page.GotoAsync(app.BaseUrl + "/plans/import");
        await UploadAsync(page, Plan.Replace("Tổng hợp kết quả kiểm tra.", "Tổng hợp, báo cáo kết quả kiểm tra.", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#preview-outcome")).ToHaveAttributeAsync("data-outcome", "Amended");
        await Assertions.Expect(page.Locator("#preview-changes")).ToContainTextAsync("1.2");
        await page.ClickAsync("#apply");
        await page.WaitForURLAsync(planUrl);
        await Assertions.Expect(page.Locator("#revisions li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("tr[data-task='1.2']")).ToContainTextAsync("Tổng hợp, báo cáo kết quả kiểm tra.");
    }

    [Fact]
    public async Task A_file_that_is_not_a_plan_is_refused_with_a_message()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        await page.GotoAsync(app.BaseUrl + "/plans/import");
        await UploadAsync(page, "Danh sách mua sắm: gạo, nước, muối.\n\nKhông phải kế hoạch.", "notes.txt");
        await Assertions.Expect(page.Locator("#import-error")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "22-plan-import-refused");
    }

    private async Task UploadAsync(IPage page, string text, string name = "ke-hoach-31.md")
    {
        var province = await app.UnitIdAsync("80");
        await page.SelectOptionAsync("select[name=unitId]", province.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = name, MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(text) });
        await page.ClickAsync("#upload-form button[type=submit]");
    }
}
