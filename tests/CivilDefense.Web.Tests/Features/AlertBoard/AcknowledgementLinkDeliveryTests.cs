using System.Text.Json;
using System.Text.RegularExpressions;
using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.Alerts.Delivery;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.AlertBoard;

public sealed partial class AcknowledgementLinkDeliveryTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task HostedDispatcher_SendsEachContactItsOwnWorkingAcknowledgementLink(DatabaseProvider provider)
    {
        await using var database = await TestProviders.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", database.Options.Provider.ToString());
            b.UseSetting("Database:ConnectionString", database.Options.ConnectionString);
            b.UseSetting("Ptds:MigrateOnStart", "true");
            b.UseSetting("Ptds:SeedDemo", "false");
            b.UseSetting("Ptds:CreateAdministrator", "false");
            b.UseSetting("Alerts:PublicBaseUrl", "https://ptds.example/");
            b.UseSetting("Delivery:Dispatcher:PollInterval", "00:00:00.050");
            b.UseSetting("Delivery:Channels:sms:Kind", "HttpSms");
            b.UseSetting("Delivery:Channels:sms:Http:Url", gateway.Url("/send"));
        });
        _ = app.Server;
        await using var db = Open(database.Options);
        var world = await TestWorld.SeedAsync(db);

        await AlertBoardWebTests.ArrangeAsync(db, world);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (gateway.Requests.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var links = gateway.Requests.Select(r => JsonDocument.Parse(r.Text).RootElement.GetProperty("text").GetString()!)
            .Select(text => LinkPattern().Match(text)).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, m => Assert.True(m.Success));
        Assert.NotEqual(links[0].Groups[1].Value, links[1].Groups[1].Value);

        // The link in the message opens the acknowledgement page of this host.
        var page = await app.CreateClient().GetAsync("/ack/" + links[0].Groups[1].Value);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"acknowledge\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^Lũ cấp 2 Xác nhận đã nhận: https://ptds\.example/ack/([0-9]+-[0-9]+\.[A-Za-z0-9_-]+)$")]
    private static partial Regex LinkPattern();

    private static PtdsDbContext Open(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        database.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }
}
