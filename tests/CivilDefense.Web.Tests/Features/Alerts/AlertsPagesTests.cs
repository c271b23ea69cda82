using System.Net;
using System.Net.Http.Json;
using CivilDefense.Core.Data;
using CivilDefense.Web.Tests.TestSupport;
using static CivilDefense.Web.Tests.Features.Alerts.AlertsApiTests;

namespace CivilDefense.Web.Tests.Features.Alerts;

public sealed class AlertsPagesTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task The_province_composes_on_the_page_and_a_commune_only_reads(DatabaseProvider provider)
    {
        await using var app = await PtdsApp.StartAsync(provider);
        var commander = await app.SignInAsync(app.World.Commander);
        var form = await commander.GetStringAsync("/alerts/compose");
        Assert.Contains($"value=\"{app.World.CommuneA.Id}\"", form);
        var posted = await commander.PostAsync("/alerts/compose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ProvinceId"] = app.World.Province.Id.ToString(),
            ["Hazard"] = "Storm",
            ["RiskLevel"] = "4",
            ["Communes"] = app.World.CommuneB.Id.ToString(),
            ["Texts[vi-VN].Headline"] = "Bão số 5 đổ bộ",
            ["Texts[vi-VN].Description"] = "Gió mạnh cấp 10, giật cấp 12.",
            ["Texts[en-US].Headline"] = "Typhoon No. 5 makes landfall",
            ["Texts[en-US].Description"] = "Winds of force 10, gusts of force 12.",
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var alertPage = posted.Headers.Location!.OriginalString;
        var page = await commander.GetStringAsync(alertPage);
        Assert.Contains("id=\"issue-alert\"", page);
        Assert.Contains("data-count=\"0\"", page);
        var issued = await commander.PostAsync(alertPage + "?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(page) }));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Contains("data-state=\"Issued\"", await commander.GetStringAsync(alertPage));

        // The commune's officer sees the alert, without buttons, and cannot compose.
        var officer = await app.SignInAsync(app.World.OfficerA);
        var seen = await officer.GetStringAsync(alertPage);
        Assert.Contains("Bão số 5 đổ bộ", seen);
        Assert.DoesNotContain("id=\"cancel-alert\"", seen);
        Assert.DoesNotContain("id=\"compose-alert\"", await officer.GetStringAsync("/alerts"));
        var officerForm = await officer.GetStringAsync("/alerts/compose");
        var refused = await officer.PostAsync("/alerts/compose", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ProvinceId"] = app.World.Province.Id.ToString(),
            ["Hazard"] = "Storm",
            ["RiskLevel"] = "4",
            ["Communes"] = app.World.CommuneA.Id.ToString(),
            ["__RequestVerificationToken"] = PtdsApp.AntiforgeryToken(officerForm),
        }));
        // Pages answer a refusal with the "access denied" page (the API with 403, see AlertsApiTests).
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Bão số 5 đổ bộ", await officer.GetStringAsync("/alerts"));
    }
}
