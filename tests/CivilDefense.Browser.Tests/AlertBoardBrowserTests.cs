using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CivilDefense.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AlertBoardBrowserTests(BrowserApp app)
{
    [Fact]
    public async Task The_delivery_board_counts_deliveries_as_they_are_sent_without_a_reload()
    {
        var provinceId = await app.UnitIdAsync("80");
        int alertId;
        Guid outboxId;
        await using (var db = app.OpenDatabase())
        {
            var alert = new IssuedAlert
            {
                UnitId = provinceId,
                Sender = "ptds@tayninh.gov.vn",
                CreatedBy = "browser-test",
                Identifier = "PTDS-BOARD-TEST-1",
                State = AlertState.Issued,
                SentUtc = DateTime.UtcNow,
                RiskLevel = 2,
                TextsJson = """{"ByLanguage":{"vi-VN":{"Headline":"Bảng theo dõi thử","Description":"Mô tả"}}}""",
            };
            db.IssuedAlerts.Add(alert);
            await db.SaveChangesAsync();
            alertId = alert.Id;
            outboxId = DeliveryIdentities.AlertId(alert.Id);
            var communes = await db.Units.Where(u => u.Kind == UnitKind.Commune).OrderBy(u => u.Code).Select(u => u.Id).Take(2).ToListAsync();
            var recipients = Enumerable.Range(0, 30)
                .Select(i => new DeliveryRequest(Guid.NewGuid(), "sms", $"+8491{i:D7}", "vi-VN", communes[i % communes.Count]))
                .ToList();
            var queued = await new QueueDeliveries(db).HandleAsync(new(outboxId, provinceId, [new AlertMessage("sms", "vi-VN", null, "Thử {ack}")], recipients));
            Assert.True(queued.IsSuccess, queued.Error?.Message);
        }

        var page = await app.SignInAsync("admin", app.AdminPassword);
        await page.GotoAsync($"{app.BaseUrl}/alerts/{alertId}");
        await page.ClickAsync("#delivery-board");
        await Assertions.Expect(page.Locator("#board-live")).ToHaveAttributeAsync("data-live", "sse");
        await Assertions.Expect(page.Locator("#total-pending")).ToHaveTextAsync("30");
        await Assertions.Expect(page.Locator("#total-sent")).ToHaveTextAsync("0");
        var loads = 0;
        page.Load += (_, _) => loads++;

        // The dispatcher's work, done by hand: the page must follow it through the event stream.
        await using (var db = app.OpenDatabase())
        {
            var firstTwelve = await db.Deliveries.Where(d => d.AlertId == outboxId).OrderBy(d => d.RecipientId).Select(d => d.RecipientId).Take(12).ToListAsync();
            await db.Deliveries.Where(d => d.AlertId == outboxId && firstTwelve.Contains(d.RecipientId)).ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeliveryState.Sent).SetProperty(d => d.SentAt, DateTime.UtcNow));
        }

        await Assertions.Expect(page.Locator("#total-sent")).ToHaveTextAsync("12", new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#total-pending")).ToHaveTextAsync("18");
        Assert.Equal(0, loads);
        await Assertions.Expect(page.Locator("#board-table tbody tr")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, "45-delivery-board");
    }
}
