using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Delivery.Channels;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>The faster paths of the outbox (issue #5 performance) give the same results as the plain ones.</summary>
public sealed class DeliveryThroughputTests
{
    [Theory]
    [InlineData("""{"to":"{{to}}","text":"{{text}}","idempotencyKey":"{{key}}"}""")]
    [InlineData("""{"a":"{{alert}}","r":"{{recipient}}","l":"{{language}}","x":[{{items}}],"open":"{{to"}""")]
    [InlineData("plain {{unknown}} text {{text}}{{to}}")]
    public void MessageTemplate_RendersWhatJsonTemplateRenders(string template)
    {
        var message = new OutgoingMessage(Guid.NewGuid(), Guid.NewGuid(), "+84 \"9\" <1>&'\\", "vi-VN", DeliveryKeys.IdempotencyKey(Guid.Empty, Guid.Empty, "sms"), null,
            "Lũ \"cấp 2\"\n\\ tại xã A\t\u2028 <b>+</b>");

        var compiled = new MessageTemplate(template);

        Assert.Equal(JsonTemplate.Render(template, JsonTemplate.ValuesOf(message)), compiled.Render(message));

        // The escaped text is cached by reference: a second message with another text must not get the first one's.
        var other = message with { Body = "Khác" };
        Assert.Equal(JsonTemplate.Render(template, JsonTemplate.ValuesOf(other)), compiled.Render(other));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Queue_StoresAwkwardAddressesExactly_AndKeepsTheFirstOfRepeatedRequests(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        var person = Guid.NewGuid();
        List<DeliveryRequest> recipients =
        [
            new(Guid.NewGuid(), "sms", "+84 \"quoted\" \\ back\nline", "vi-VN", null),
            new(person, "sms", "first", "vi-VN", kit.Territory.CommuneA.Id),
            new(Guid.NewGuid(), "sms", "Nguyễn Văn A <a@b.vn>", "km-KH", 42),
            new(person, "email", "person@example.vn", "en-US", null),
            new(person, "sms", "second", "en-US", null),
        ];

        // Enough more for several multi-row statements on SQLite (16 rows each), each value bound to its own row.
        recipients.AddRange(Enumerable.Range(0, 40).Select(i => new DeliveryRequest(Guid.NewGuid(), "sms", $"Số {i} – ấp {new string('x', i)}", i % 3 == 0 ? "en-US" : "vi-VN", i % 2 == 0 ? i : null)));
        var alertId = Guid.NewGuid();
        AlertMessage[] messages = [new("sms", "vi-VN", null, "Cảnh báo"), new("email", "vi-VN", "Cảnh báo", "Cảnh báo")];
        await using var db = kit.Database.Context(Actor.System);

        var queued = await new QueueDeliveries(db).HandleAsync(new(alertId, kit.Territory.Province.Id, messages, recipients));

        Assert.Equal(44, queued.Value!.Queued);
        var rows = await kit.DeliveriesAsync(alertId);
        Assert.Equal(
            recipients.Where((_, i) => i != 4).Select(r => (r.RecipientId, r.Channel, r.Address, r.Language, r.UnitId)).OrderBy(r => r.RecipientId).ThenBy(r => r.Channel),
            rows.Select(d => (d.RecipientId, d.Channel, d.Address, d.Language, d.UnitId)).OrderBy(r => r.RecipientId).ThenBy(r => r.Channel));

        // Written in recipient order (the unique index grows at its end), whatever order targeting used.
        Assert.Equal(rows.Select(d => d.RecipientId).Order(), rows.Select(d => d.RecipientId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Queue_OverSeveralTransactionsAndStatements_WritesEveryRowOnce(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);

        // More than one SQLite statement (10,000 rows) and one PostgreSQL COPY batch (100,000 rows), written by two connections.
        var alertId = await kit.QueueAsync("sms", 120_005, i => $"+849{i:D8}");

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.Equal(120_005, rows.Count);
        Assert.Equal(120_005, rows.Select(d => d.RecipientId).Distinct().Count());
        Assert.Equal(120_005, rows.Select(d => d.Address).Distinct().Count());
        Assert.All(rows, d => Assert.Equal(DeliveryState.Queued, d.State));
    }

    [Fact]
    public void DispatcherConcurrency_IsValidated()
    {
        var options = new DeliveryOptions { Dispatcher = new DispatcherOptions { Concurrency = 0 } };

        Assert.Contains("Delivery:Dispatcher:Concurrency must be 1-16.", options.Validate());
    }
}
