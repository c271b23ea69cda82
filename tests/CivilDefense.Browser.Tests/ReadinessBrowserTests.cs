using CivilDefense.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReadinessBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task Officer_OpensTheSuppliesRegistry_AndAppliesAStockCountAfterThePreview()
    {
        string code;
        int communeId;
        await using (var db = app.OpenDatabase())
        {
            // A demo commune with supplies (the generator gives every commune some), not one other tests use.
            var province = await app.UnitIdAsync("80");
            var commune = await db.Units.Where(u => u.ParentId == province).OrderBy(u => u.Code).Skip(5).FirstAsync();
            (code, communeId) = (commune.Code, commune.Id);
        }

        var officer = await app.OfficerOfAsync(code);
        var page = await app.SignInAsync(officer, BrowserApp.OfficerPassword);

        await page.GotoAsync($"{app.BaseUrl}/readiness/supplies");
        await Assertions.Expect(page.Locator("#registry tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Vật tư dự trữ");
        await BrowserApp.ScreenshotAsync(page, "20-readiness-supplies");

        await page.GotoAsync($"{app.BaseUrl}/readiness/stock-counts?unitId={communeId}");
        var firstInput = page.Locator("#count-items input[type=number]").First;
        var item = await firstInput.GetAttributeAsync("data-item");
        await firstInput.FillAsync("12345");
        await page.ClickAsync("#count-form button[type=submit]");
        await Assertions.Expect(page.Locator("#count-state")).ToHaveTextAsync("Bản nháp (chưa áp dụng)");
        await Assertions.Expect(page.Locator("#count-lines")).ToContainTextAsync("12345");
        await BrowserApp.ScreenshotAsync(page, "21-stock-count-preview");

        await page.ClickAsync("#apply");
        await Assertions.Expect(page.Locator("#count-state")).ToHaveTextAsync("Đã áp dụng");

        var (kind, id) = (Enum.Parse<StockItemKind>(item!.Split('-')[0]), int.Parse(item.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture));
        await using var check = app.OpenDatabase();
        var quantity = kind == StockItemKind.Supply
            ? await check.SupplyStocks.Where(s => s.Id == id).Select(s => s.Quantity).SingleAsync()
            : await check.EquipmentLots.Where(l => l.Id == id).Select(l => (double)l.Quantity).SingleAsync();
        Assert.Equal(12345, quantity);
    }
}
