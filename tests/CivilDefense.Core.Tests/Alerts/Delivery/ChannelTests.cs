using System.Collections.Concurrent;
using System.Text.Json;
using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Delivery.Channels;
using CivilDefense.Core.Data;
using CivilDefense.Core.Tests.TestSupport;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>Each channel against a real local server of its protocol.</summary>
public sealed class ChannelTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef-test";

    [Theory, OnSqlite, OnPostgres]
    public async Task Email_GoesThroughSmtp_WithTheKeyHeader_AndA4xxReplyIsRetried(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var smtp = new SmtpTestServer();
        smtp.DataReply = n => n <= 2 ? "451 4.3.0 Try again later" : "250 2.0.0 OK";
        var alertId = await kit.QueueAsync("email", 6, i => $"nguoi{i}@example.vn");
        var channels = new DeliveryOptions
        {
            Channels = { ["email"] = new ChannelOptions { Kind = ChannelKind.Email, MaxConcurrentRequests = 2, Smtp = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "canhbao@ptds.example.vn" } } },
        };

        await kit.DrainAsync(DeliveryTestKit.FastOptions(), channels);

        var rows = await kit.DeliveriesAsync(alertId);
        Assert.All(rows, d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(2, rows.Sum(d => d.Attempts) - 6);
        var mails = smtp.Messages.ToList();
        Assert.Equal(6, mails.Count);
        Assert.Equal(rows.Select(d => d.Address).Order(), mails.Select(m => Assert.Single(m.To)).Order());
        Assert.Equal(rows.Select(d => d.IdempotencyKey).Order(), mails.Select(m => m.Header("X-PTDS-Idempotency-Key")).Order());
        Assert.All(mails, m => Assert.Equal("canhbao@ptds.example.vn", m.From));
    }

    [Fact]
    public async Task Email_A5xxReply_IsRejectedForGood()
    {
        await using var smtp = new SmtpTestServer();
        smtp.DataReply = _ => "554 5.7.1 Rejected";
        using var channel = new SmtpEmailChannel(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "a@b.vn" }, TimeSpan.FromSeconds(5));

        var result = await channel.SendAsync(Message("x@y.vn"), CancellationToken.None);

        Assert.Equal(SendStatus.Rejected, result.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Webhook_IsSignedOverTimestampAndBody_AndTheReceiverCanVerifyIt(DatabaseProvider provider)
    {
        await using var kit = await DeliveryTestKit.CreateAsync(provider);
        await using var receiver = new HttpTestReceiver();
        var verdicts = new ConcurrentBag<WebhookVerdict>();
        receiver.Respond = (_, r) =>
        {
            verdicts.Add(WebhookSignature.Verify(Secret, r.Header(WebhookSignature.TimestampHeader), r.Header(WebhookSignature.SignatureHeader), r.Body, DateTimeOffset.UtcNow));
            return (204, TimeSpan.Zero);
        };
        var alertId = await kit.QueueAsync("webhook", 5, i => receiver.Url($"/hooks/org{i}"));
        var channels = new DeliveryOptions { Channels = { ["webhook"] = new ChannelOptions { Kind = ChannelKind.Webhook, Webhook = new WebhookOptions { Secret = Secret } } } };

        await kit.DrainAsync(DeliveryTestKit.FastOptions(), channels);

        Assert.All(await kit.DeliveriesAsync(alertId), d => Assert.Equal(DeliveryState.Sent, d.State));
        Assert.Equal(5, verdicts.Count);
        Assert.All(verdicts, v => Assert.Equal(WebhookVerdict.Valid, v));
        var request = receiver.Requests.First();
        var payload = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal(alertId, payload.GetProperty("alertId").GetGuid());
        Assert.Equal(request.Header(WebhookSignature.IdempotencyHeader), payload.GetProperty("idempotencyKey").GetString());
        Assert.Equal("Cảnh báo lũ cấp 2", payload.GetProperty("subject").GetString());

        // The same request replayed ten minutes later, or with a body changed in transit, is refused.
        Assert.Equal(WebhookVerdict.Stale, WebhookSignature.Verify(Secret, request.Header(WebhookSignature.TimestampHeader), request.Header(WebhookSignature.SignatureHeader), request.Body, DateTimeOffset.UtcNow.AddMinutes(10)));
        var tampered = request.Body.ToArray();
        tampered[^2] ^= 1;
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify(Secret, request.Header(WebhookSignature.TimestampHeader), request.Header(WebhookSignature.SignatureHeader), tampered, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Sms_BatchEndpoint_TakesManyMessagesPerRequest_InTheConfiguredTemplate()
    {
        await using var gateway = new HttpTestReceiver();
        var options = new HttpSmsOptions
        {
            Url = gateway.Url("/one"),
            BatchUrl = gateway.Url("/many"),
            MaxBatchSize = 3,
            BodyTemplate = """{"dest":"{{to}}","msg":"{{text}}","ref":"{{key}}"}""",
            BatchBodyTemplate = """{"sender":"PTDS","list":[{{items}}]}""",
        };
        var channel = new HttpSmsChannel(new HttpClient(), options, [503]);

        var results = await channel.SendBatchAsync([Message("+841"), Message("+842"), Message("+843")], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        var request = Assert.Single(gateway.Requests);
        Assert.Equal("/many", request.Path);
        var list = JsonDocument.Parse(request.Body).RootElement.GetProperty("list");
        Assert.Equal(["+841", "+842", "+843"], list.EnumerateArray().Select(e => e.GetProperty("dest").GetString()));
        Assert.Equal("Lũ \"khẩn cấp\"\nDi dời", list[0].GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Sms_StatusCodes_MapToSentTransientOrRejected()
    {
        await using var gateway = new HttpTestReceiver();
        var statuses = new ConcurrentQueue<int>([200, 429, 503, 400]);
        gateway.Respond = (_, _) => (statuses.TryDequeue(out var s) ? s : 200, TimeSpan.Zero);
        var channel = new HttpSmsChannel(new HttpClient(), new HttpSmsOptions { Url = gateway.Url("/one") }, [429, 503]);

        var results = new List<SendStatus>();
        for (var i = 0; i < 4; i++)
        {
            results.Add((await channel.SendAsync(Message("+84"), CancellationToken.None)).Status);
        }

        var unreachable = new HttpSmsChannel(new HttpClient(), new HttpSmsOptions { Url = $"http://127.0.0.1:{HttpTestReceiver.FreePort()}/" }, [503]);
        Assert.Equal([SendStatus.Sent, SendStatus.Transient, SendStatus.Transient, SendStatus.Rejected], results);
        Assert.Equal(SendStatus.Transient, (await unreachable.SendAsync(Message("+84"), CancellationToken.None)).Status);
    }

    private static OutgoingMessage Message(string address) =>
        new(Guid.NewGuid(), Guid.NewGuid(), address, "vi-VN", "key-1", "Cảnh báo", "Lũ \"khẩn cấp\"\nDi dời");
}
