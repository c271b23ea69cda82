using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.Alerts.Delivery;
using CivilDefense.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Tests.Features.Delivery;

public sealed class DeliveryDispatcherServiceTests
{
    [Theory]
    [MemberData(nameof(TestProviders.All), MemberType = typeof(TestProviders))]
    public async Task HostedDispatcher_SendsWhatIsQueued_ThroughTheConfiguredGateway(DatabaseProvider provider)
    {
        await using var database = await TestProviders.CreateAsync(provider);
        await using var gateway = new HttpTestReceiver();
        await using var app = Host(database.Options, new Dictionary<string, string?>
        {
            ["Delivery:Dispatcher:PollInterval"] = "00:00:00.050",
            ["Delivery:Channels:sms:Kind"] = "HttpSms",
            ["Delivery:Channels:sms:Http:Url"] = gateway.Url("/send"),
            ["Delivery:Channels:sms:Http:AuthHeader"] = "X-Api-Key",
            ["Delivery:Channels:sms:Http:AuthValue"] = "k-123",
        });
        _ = app.Server;
        await using var db = Open(database.Options);
        var world = await TestWorld.SeedAsync(db);
        var alertId = Guid.NewGuid();
        var recipients = Enumerable.Range(0, 25).Select(i => new DeliveryRequest(Guid.NewGuid(), "sms", $"+8497{i:D7}", "vi-VN", world.CommuneA.Id)).ToList();

        var queued = await new QueueDeliveries(db).HandleAsync(new(alertId, world.Province.Id, [new("sms", "vi-VN", null, "Cảnh báo lũ")], recipients));

        Assert.True(queued.IsSuccess);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await db.Deliveries.CountAsync(d => d.AlertId == alertId && d.State == DeliveryState.Sent) < 25 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(25, await db.Deliveries.CountAsync(d => d.AlertId == alertId && d.State == DeliveryState.Sent));
        Assert.Equal(25, gateway.Requests.Count);
        Assert.All(gateway.Requests, r => Assert.Equal("k-123", r.Header("X-Api-Key")));
    }

    [Fact]
    public async Task Start_WithAWrongDeliveryConfiguration_FailsAndSaysWhy()
    {
        await using var database = await TestProviders.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = Host(database.Options, new Dictionary<string, string?>
        {
            ["Delivery:Channels:hooks:Kind"] = "Webhook",
            ["Delivery:Channels:hooks:Webhook:Secret"] = "too-short",
        });

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Delivery:Channels:hooks:Webhook:Secret", error.ToString(), StringComparison.Ordinal);
    }

    private static WebApplicationFactory<Program> Host(DatabaseOptions database, Dictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:Provider", database.Provider.ToString());
            b.UseSetting("Database:ConnectionString", database.ConnectionString);
            b.UseSetting("Ptds:MigrateOnStart", "true");
            b.UseSetting("Ptds:SeedDemo", "false");
            b.UseSetting("Ptds:CreateAdministrator", "false");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });

    private static PtdsDbContext Open(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<PtdsDbContext>();
        database.Apply(builder);
        return new PtdsDbContext(builder.Options, new FixedActorAccessor(Actor.System), TimeProvider.System);
    }
}
