using System.Security.Cryptography;
using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Acknowledgements;

/// <summary>A territory with an issued alert, duty contacts and a clock the test moves.</summary>
public sealed class AcknowledgementTestKit : IAsyncDisposable
{
    private AcknowledgementTestKit(TestDatabase database, TestTerritory territory)
    {
        Database = database;
        Territory = territory;
    }

    public TestDatabase Database { get; }

    public TestTerritory Territory { get; }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 10, 14, 0, 30, 0, TimeSpan.Zero));

    public SubscriberKeys Keys { get; } = new(RandomNumberGenerator.GetBytes(32));

    public static async Task<AcknowledgementTestKit> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new AcknowledgementTestKit(database, await TestTerritory.SeedAsync(database));
    }

    public PtdsDbContext Context(Actor? actor = null) => Database.Context(actor ?? Actor.System, Clock);

    public async Task<int> IssuedAlertAsync()
    {
        await using var db = Context();
        var alert = new IssuedAlert
        {
            UnitId = Territory.Province.Id,
            Sender = "ptds@test.vn",
            CreatedBy = "test",
            State = AlertState.Issued,
            SentUtc = Clock.GetUtcNow().UtcDateTime,
            RiskLevel = 2,
            TextsJson = """{"ByLanguage":{"vi-VN":{"Headline":"Lũ cấp 2","Description":"Mô tả"},"en-US":{"Headline":"Flood level 2","Description":"Text"}}}""",
        };
        db.IssuedAlerts.Add(alert);
        await db.SaveChangesAsync();
        return alert.Id;
    }

    public async Task<int> ContactAsync(Organization organization, AdministrativeUnit unit, int order, bool dutyOfficer = false)
    {
        await using var db = Context();
        var subscriber = new Subscriber
        {
            Kind = dutyOfficer ? SubscriberKind.Resident : SubscriberKind.DutyContact,
            Name = $"{(dutyOfficer ? "Trực ban" : "Đầu mối")} {order} {unit.Name}",
            Phone = $"+849{Random.Shared.Next(10_000_000, 99_999_999)}",
            UnitId = unit.Id,
            OrganizationId = dutyOfficer ? null : organization.Id,
            ContactOrder = dutyOfficer ? null : order,
            IsDutyOfficer = dutyOfficer,
            Status = SubscriberStatus.Active,
            Origin = SubscriberOrigin.Staff,
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync();
        return subscriber.Id;
    }

    /// <summary>Queues the alert by SMS to these subscribers, as targeting would, at the clock's time.</summary>
    public async Task QueueAsync(int issuedAlertId, params int[] subscriberIds)
    {
        await using var db = Context();
        var people = db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToList();
        var result = await new QueueDeliveries(db).HandleAsync(new QueueDeliveriesCommand(
            DeliveryIdentities.AlertId(issuedAlertId), Territory.Province.Id,
            [new AlertMessage("sms", "vi-VN", null, "Lũ cấp 2. Xác nhận: {ack}")],
            people.Select(p => new DeliveryRequest(DeliveryIdentities.RecipientId(p.Id), "sms", p.Phone!, "vi-VN", p.UnitId)).ToList()));
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    public async Task<int> RunEscalationAsync(int minutes = 15)
    {
        await using var db = Context();
        return (await new EscalateUnacknowledged(db, new AcknowledgementOptions { AcknowledgeWithinMinutes = minutes }).RunAsync(CancellationToken.None)).Escalated;
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
