using System.Text.RegularExpressions;
using CivilDefense.Core.CommandBoards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReadinessScoreBrowserTests(BrowserApp app)
{
    private const string TayNinh = "80";

    /// <summary>
    /// The commander's path of issue #4: the province's readiness map and the communes not ready,
    /// one commune's scorecard, the commune's data fixed in the UI (its command board gets the
    /// standing deputy the demo leaves out), and the scorecard recomputed on the next request.
    /// </summary>
    [Fact]
    public async Task Readiness_CommuneNotReady_FixingItsCommandBoardRaisesItsScore()
    {
        var page = await app.SignInAsync("admin", app.AdminPassword);
        var province = await app.UnitIdAsync(TayNinh);

        await page.GotoAsync($"{app.BaseUrl}/readiness?unitId={province}");
        await Assertions.Expect(page.Locator("#map")).ToHaveAttributeAsync("data-ready", "true");
        // The communes drawn (shelters and depots are drawn too, as markers, once their points load).
        await Assertions.Expect(page.Locator("#map-status")).ToHaveAttributeAsync("data-count", "96");
        var gaps = page.Locator("#gap-list > ol > li[data-unit]");
        Assert.True(await gaps.CountAsync() > 0, "The demo leaves some communes short: the gap list must name them.");
        await BrowserApp.ScreenshotAsync(page, "10-readiness-tay-ninh");
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotFolder, "10-readiness-map.png") });

        await gaps.First.Locator("a").ClickAsync();
        await page.WaitForURLAsync(new Regex("/readiness/unit/\\d+$"));
        var communeId = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var boardRow = page.Locator("tr[data-metric=command_board_complete]");
        await Assertions.Expect(boardRow).ToHaveClassAsync("gap");
        var commandScore = page.Locator("section[data-component=Command] .score");
        var commandBefore = await commandScore.InnerTextAsync();
        var overallBefore = await page.Locator("#overall").InnerTextAsync();
        await BrowserApp.ScreenshotAsync(page, "11-readiness-commune-before");

        // The commune's board lacks a standing deputy (phó trưởng ban thường trực): the administrator adds one.
        await page.GotoAsync($"{app.BaseUrl}/boards/{await CommuneBoardIdAsync(communeId)}");
        await page.FillAsync("#Member_FullName", "Nguyễn Văn Thường Trực");
        await page.FillAsync("#Member_Position", "Chỉ huy trưởng Ban CHQS, Phó Trưởng ban thường trực");
        await page.SelectOptionAsync("#Member_Role", nameof(BoardRole.StandingDeputy));
        await page.ClickAsync("#add-member button[type=submit]");
        await Assertions.Expect(page.Locator("#members")).ToContainTextAsync("Nguyễn Văn Thường Trực");

        await page.GotoAsync($"{app.BaseUrl}/readiness/unit/{communeId}");
        await Assertions.Expect(boardRow).Not.ToHaveClassAsync("gap");
        await Assertions.Expect(commandScore).Not.ToHaveTextAsync(commandBefore);
        await Assertions.Expect(page.Locator("#overall")).Not.ToHaveTextAsync(overallBefore);
        await BrowserApp.ScreenshotAsync(page, "12-readiness-commune-after");
    }

    private async Task<int> CommuneBoardIdAsync(int communeId)
    {
        await using var db = app.OpenDatabase();
        return await db.CommandBoards.Where(b => b.UnitId == communeId && b.IsActive).Select(b => b.Id).SingleAsync();
    }
}
