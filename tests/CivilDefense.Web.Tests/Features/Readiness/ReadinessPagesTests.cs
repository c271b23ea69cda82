using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.Features.Users;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Readiness;

public sealed class ReadinessPagesTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task Registry_page_lists_the_units_records_and_a_count_goes_through_preview_and_apply(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var officer = app.ApiAs(app.World.OfficerA);
        var rice = await (await officer.PostAsJsonAsync("/api/v1/readiness/supplies", new
        {
            unitId = app.World.CommuneA.Id,
            category = "Food",
            itemName = "Gạo dự trữ",
            quantity = 800,
            unitOfMeasure = "kg",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var browser = await app.SignInAsync(app.World.OfficerA);
        var browserB = await app.SignInAsync(app.World.OfficerB);

        var registry = await browser.GetStringAsync("/readiness/supplies?category=Food");
        var registryOfB = await browserB.GetStringAsync("/readiness/supplies");
        var unknownKind = await browser.GetAsync("/readiness/rockets");
        var form = await browser.GetStringAsync($"/readiness/stock-counts?unitId={app.World.CommuneA.Id}");
        var key = $"Quantities[Supply-{rice.GetProperty("id").GetInt32()}]";
        var submitted = await browser.PostAsync($"/readiness/stock-counts?unitId={app.World.CommuneA.Id}",
            UsersApiTests.Form(PtdsApp.AntiforgeryToken(form), (key, "750"), ("CountedOn", "2026-06-30")));
        var previewUrl = submitted.Headers.Location!.OriginalString;
        var preview = await browser.GetStringAsync(previewUrl);
        var applied = await browser.PostAsync(previewUrl + "?handler=apply",
            UsersApiTests.Form(PtdsApp.AntiforgeryToken(preview), ("version", VersionIn(preview))));

        Assert.Contains("Gạo dự trữ", registry);
        Assert.DoesNotContain("Gạo dự trữ", registryOfB);
        Assert.Equal(HttpStatusCode.NotFound, unknownKind.StatusCode);
        Assert.Contains(key, form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains("-50", preview);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        await using var db = app.OpenDatabase();
        Assert.Equal(750, (await db.SupplyStocks.SingleAsync()).Quantity);
    }

    private static string VersionIn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
}
