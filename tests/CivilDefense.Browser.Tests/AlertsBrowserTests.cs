using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AlertsBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task An_operator_composes_and_issues_a_two_language_alert_seen_in_the_list_and_the_feed()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        await page.GotoAsync(app.BaseUrl + "/alerts");
        await page.ClickAsync("#compose-alert");
        await page.SelectOptionAsync("#hazard", "HeavyRain");
        await page.SelectOptionAsync("#risk-level", "2");
        await page.Locator("#compose-form details summary").ClickAsync();
        await page.Locator("#communes input[type=checkbox]").Nth(0).CheckAsync();
        await page.Locator("#communes input[type=checkbox]").Nth(1).CheckAsync();
        await page.FillAsync("#circle", "11.31,106.10 8");
        await page.FillAsync("#headline-vi-VN", "Cảnh báo mưa lớn cấp độ 2");
        await page.FillAsync("#description-vi-VN", "Mưa lớn 100-150 mm trong 24 giờ tới, nguy cơ ngập úng vùng trũng.");
        await page.FillAsync("#instruction-vi-VN", "Kiểm tra hệ thống tiêu thoát nước, không đi qua ngầm tràn.");
        await page.FillAsync("#headline-en-US", "Heavy rain warning, risk level 2");
        await page.FillAsync("#description-en-US", "100-150 mm of rain in the next 24 hours; low-lying areas may flood.");
        await page.ClickAsync("#save-draft");

        await Assertions.Expect(page.Locator("#alert-state")).ToHaveAttributeAsync("data-state", "Draft");
        await Assertions.Expect(page.Locator("#findings")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(page.Locator("#cap-xml")).ToContainTextAsync("VN_MA_DVHC");
        await Assertions.Expect(page.Locator("#cap-xml")).ToContainTextAsync("<language>en-US</language>");
        await page.ClickAsync("#issue-alert");
        await Assertions.Expect(page.Locator("#alert-state")).ToHaveAttributeAsync("data-state", "Issued");
        var identifier = (await page.Locator("#alert-identifier").TextContentAsync())!.Trim();
        Assert.Matches(new Regex("^PTDS-[0-9]+-[0-9]{14}-[0-9]+$"), identifier);
        await BrowserApp.ScreenshotAsync(page, "40-alert-issued");

        await page.GotoAsync(app.BaseUrl + "/alerts?source=ptds");
        var row = page.Locator("#alerts tbody tr[data-kind=issued]").Filter(new LocatorFilterOptions { HasText = "Cảnh báo mưa lớn cấp độ 2" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator("td.state")).ToHaveTextAsync(new Regex("Issued|Đã phát"));
        await BrowserApp.ScreenshotAsync(page, "41-alert-list");

        var feed = await page.APIRequest.GetAsync(app.BaseUrl + "/cap/feed.atom");
        Assert.Equal(200, feed.Status);
        Assert.Contains($"/cap/alerts/{identifier}.xml", await feed.TextAsync());
        var xml = await page.APIRequest.GetAsync($"{app.BaseUrl}/cap/alerts/{identifier}.xml");
        Assert.Equal("application/cap+xml", xml.Headers["content-type"]);

        await page.GotoAsync(app.BaseUrl + "/alerts/map");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-ready", "true");
        await BrowserApp.ScreenshotAsync(page, "42-alert-map");
    }
}
