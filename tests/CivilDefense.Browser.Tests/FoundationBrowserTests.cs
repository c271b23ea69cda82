using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class FoundationBrowserTests(BrowserApp app)
{
    private const string TayNinh = "80";

    [Fact]
    public async Task Login_AsAdministrator_ShowsTheOverviewInVietnamese()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await Assertions.Expect(page.Locator("nav.mainnav")).ToContainTextAsync("Địa bàn");
        await BrowserApp.ScreenshotAsync(page, "01-overview-vi");
    }

    [Fact]
    public async Task Login_WrongPassword_StaysOnLoginWithAnError()
    {
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/account/login");

        await page.FillAsync("#Input_UserName", "admin");
        await page.FillAsync("#Input_Password", "not-the-password");
        await page.ClickAsync("#sign-in");

        await Assertions.Expect(page.Locator("#login-error")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        await BrowserApp.ScreenshotAsync(page, "02-login-error");
    }

    [Fact]
    public async Task Map_TayNinh_DrawsAll96CommunesAndOpensOneOnClick()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        var province = await app.UnitIdAsync(TayNinh);

        await page.GotoAsync($"{app.BaseUrl}/map/{province}");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-ready", "true");

        Assert.Equal(96, await page.Locator("#map path.leaflet-interactive").CountAsync());
        await Assertions.Expect(page.Locator("#map-status")).ToHaveAttributeAsync("data-count", "96");
        await BrowserApp.ScreenshotAsync(page, "03-map-tay-ninh");

        await page.Locator("#map path.leaflet-interactive").Nth(40).ClickAsync(new LocatorClickOptions { Force = true });
        await page.WaitForURLAsync(new Regex("/territory/\\d+$"));
        await Assertions.Expect(page.Locator("#unit-name")).ToContainTextAsync(new Regex("Xã|Phường"));
        await BrowserApp.ScreenshotAsync(page, "04-unit-from-map");
    }

    [Fact]
    public async Task Language_SwitchToEnglishAndBack_ChangesTheInterface()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        await page.GotoAsync(app.BaseUrl + "/territory");

        await page.ClickAsync("button[data-lang=en]");
        await Assertions.Expect(page.Locator("nav.mainnav")).ToContainTextAsync("Territory");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Administrative units");
        await BrowserApp.ScreenshotAsync(page, "05-territory-en");

        await page.ClickAsync("button[data-lang=vi]");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Đơn vị hành chính");
    }

    [Fact]
    public async Task Officer_OfOneCommune_IsRefusedAnotherCommunesPage()
    {
        // The first two communes of the demo province by code: one the officer's, one not.
        var own = await FirstCommuneCodesAsync();
        var officer = await app.OfficerOfAsync(own.Own);
        var page = await app.SignInAsync(officer, BrowserApp.OfficerPassword);
        var ownId = await app.UnitIdAsync(own.Own);
        var otherId = await app.UnitIdAsync(own.Other);

        var ownResponse = await page.GotoAsync($"{app.BaseUrl}/territory/{ownId}");
        Assert.Equal(200, ownResponse!.Status);

        var otherResponse = await page.GotoAsync($"{app.BaseUrl}/territory/{otherId}");
        Assert.Equal(404, otherResponse!.Status);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Không tìm thấy trang");
        await BrowserApp.ScreenshotAsync(page, "06-officer-refused-other-commune");
    }

    private async Task<(string Own, string Other)> FirstCommuneCodesAsync()
    {
        await using var db = app.OpenDatabase();
        var province = await app.UnitIdAsync(TayNinh);
        var codes = db.Units.Where(u => u.ParentId == province).OrderBy(u => u.Code).Select(u => u.Code).Take(2).ToList();
        return (codes[0], codes[1]);
    }
}
