using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Alerts.Targeting;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Alerts.Dissemination;

/// <summary>A territory with subscribers in communes A and B, and an alert desk wired to the dissemination handler.</summary>
public sealed class DisseminationTestKit : IAsyncDisposable
{
    public static readonly Uri PublicBase = new("https://ptds.example.vn/");

    private DisseminationTestKit(TestDatabase database, TestTerritory territory)
    {
        Database = database;
        Territory = territory;
    }

    public TestDatabase Database { get; }

    public TestTerritory Territory { get; }

    public SubscriberIndexCache Index { get; } = new();

    /// <summary>sms, email and webhook channels (the handler only reads their kinds).</summary>
    public DeliveryOptions Channels { get; } = new()
    {
        Channels =
        {
            ["sms"] = new ChannelOptions { Kind = ChannelKind.HttpSms },
            ["email"] = new ChannelOptions { Kind = ChannelKind.Email },
            ["hooks"] = new ChannelOptions { Kind = ChannelKind.Webhook },
        },
    };

    public static async Task<DisseminationTestKit> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new DisseminationTestKit(database, await TestTerritory.SeedAsync(database));
    }

    public Actor Commander => TestTerritory.ActorAt(Territory.Province, Role.Commander);

    public async Task<Subscriber> SubscriberAsync(string name, AdministrativeUnit unit, string language, string? phone = null, string? email = null, string? webhook = null,
        double? lat = null, double? lon = null, SubscriberStatus status = SubscriberStatus.Active)
    {
        await using var db = Database.Context(Actor.System);
        var subscriber = new Subscriber
        {
            Kind = webhook is null ? SubscriberKind.Resident : SubscriberKind.DutyContact,
            Name = name,
            Phone = phone,
            Email = email,
            WebhookUrl = webhook,
            Language = language,
            UnitId = unit.Id,
            Latitude = lat,
            Longitude = lon,
            Status = status,
            Origin = SubscriberOrigin.Staff,
            CreatedAt = DateTime.UtcNow,
        };
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync();
        return subscriber;
    }

    public AlertDesk Desk(PtdsDbContext db) =>
        new(db, new AlertsOptions { Sender = "ptds@test.gov.vn" }, [Handler(db), new MarkWarningIssued(db)]);

    public DisseminateAlert Handler(PtdsDbContext db) => new(db, new QueueDeliveries(db), Index, Channels);

    public static AlertInput Input(params AdministrativeUnit[] units) => new()
    {
        Hazard = PtdsHazard.Flood,
        RiskLevel = 2,
        AreaUnitIds = [.. units.Select(u => u.Id)],
        Texts = new Dictionary<string, AlertText>
        {
            ["vi-VN"] = new("Cảnh báo lũ cấp độ 2", "Mực nước sông Vàm Cỏ Tây vượt báo động 3.", "Chuẩn bị sơ tán."),
            ["en-US"] = new("Flood warning, risk level 2", "The Vam Co Tay river is above alarm level 3.", "Be ready to evacuate."),
        },
    };

    /// <summary>Drafts and issues an alert as the province's commander; returns its id.</summary>
    public async Task<int> IssueAsync(AlertInput input)
    {
        await using var db = Database.Context(Commander);
        var desk = Desk(db);
        var draft = await desk.CreateDraftAsync(input with { UnitId = Territory.Province.Id }, CancellationToken.None);
        Assert.True(draft.IsSuccess, draft.Error?.Message);
        var issued = await desk.IssueAsync(draft.Value!.Id, PublicBase, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Message);
        return issued.Value!.Id;
    }

    /// <summary>The deliveries of one PTDS message, as (subscriber id, channel, language, address).</summary>
    public async Task<List<(int Subscriber, string Channel, string Language, string Address)>> DeliveriesAsync(int alertId)
    {
        await using var db = Database.Context(Actor.System);
        var alert = await db.IssuedAlerts.SingleAsync(a => a.Id == alertId);
        var outboxId = DeliveryIdentities.AlertId(alert.Id);
        var rows = await db.Deliveries.Where(d => d.AlertId == outboxId).ToListAsync();
        return [.. rows.Select(d => (DeliveryIdentities.SubscriberId(d.RecipientId)!.Value, d.Channel, d.Language, d.Address)).OrderBy(d => d.Item1).ThenBy(d => d.Channel)];
    }

    public async Task<List<DeliveryMessage>> MessagesAsync(int alertId)
    {
        await using var db = Database.Context(Actor.System);
        var alert = await db.IssuedAlerts.SingleAsync(a => a.Id == alertId);
        var outboxId = DeliveryIdentities.AlertId(alert.Id);
        return await db.DeliveryMessages.Where(m => m.AlertId == outboxId).ToListAsync();
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
