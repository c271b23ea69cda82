using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Alerts.Delivery.Channels;

namespace CivilDefense.Core.Tests.Alerts.Delivery;

/// <summary>The pure parts: keys, backoff, the token bucket, signatures, templates, options.</summary>
public sealed class DeliveryRulesTests
{
    [Fact]
    public void IdempotencyKey_IsStable_AndDiffersPerAlertRecipientAndChannel()
    {
        var alert = Guid.Parse("6f1c1c3e-7f0a-4a57-9a55-2b1f2a7a0001");
        var person = Guid.Parse("6f1c1c3e-7f0a-4a57-9a55-2b1f2a7a0002");

        var key = DeliveryKeys.IdempotencyKey(alert, person, "sms");

        Assert.Equal(key, DeliveryKeys.IdempotencyKey(alert, person, "sms"));
        Assert.Equal(32, key.Length);
        Assert.NotEqual(key, DeliveryKeys.IdempotencyKey(alert, person, "email"));
        Assert.NotEqual(key, DeliveryKeys.IdempotencyKey(person, alert, "sms"));
    }

    [Fact]
    public void Backoff_GrowsExponentially_WithJitter_UpToTheCap()
    {
        var policy = new RetryPolicy(5, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

        Assert.Equal(TimeSpan.FromSeconds(5), policy.Backoff(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.Backoff(1, 1));
        Assert.Equal(TimeSpan.FromSeconds(20), policy.Backoff(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.Backoff(9, 1));
        Assert.Equal(DeliveryState.Retried, policy.AfterTransientFailure(4));
        Assert.Equal(DeliveryState.Dead, policy.AfterTransientFailure(5));
    }

    [Fact]
    public void TokenBucket_AllowsTheBurst_ThenMakesReservationsWaitAtTheRate()
    {
        var clock = new SteppedClock();
        var bucket = new TokenBucket(100, 10, clock);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(10));
        Assert.Equal(TimeSpan.FromMilliseconds(50), bucket.Reserve(5));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Reserve(5));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.Reserve(10));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.Reserve(10));
    }

    [Fact]
    public void WebhookSignature_AcceptsItsOwn_RefusesTamperedStaleAndMalformed()
    {
        const string secret = "a-shared-secret-of-at-least-32-characters";
        var body = "{\"alert\":1}"u8.ToArray();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
        var signature = WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), body);
        var timestamp = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(WebhookVerdict.Valid, WebhookSignature.Verify(secret, timestamp, signature, body, now.AddMinutes(4)));
        Assert.Equal(WebhookVerdict.Stale, WebhookSignature.Verify(secret, timestamp, signature, body, now.AddMinutes(6)));
        Assert.Equal(WebhookVerdict.Stale, WebhookSignature.Verify(secret, timestamp, signature, body, now.AddMinutes(-6)));
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify("another-secret-of-at-least-32-characters", timestamp, signature, body, now));
        Assert.Equal(WebhookVerdict.BadSignature, WebhookSignature.Verify(secret, (now.ToUnixTimeSeconds() + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), signature, body, now));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Verify(secret, "yesterday", signature, body, now));
        Assert.Equal(WebhookVerdict.Malformed, WebhookSignature.Verify(secret, timestamp, null, body, now));
    }

    [Fact]
    public void JsonTemplate_EscapesValues_AndLeavesUnknownPlaceholders()
    {
        var rendered = JsonTemplate.Render("""{"to":"{{to}}","text":"{{text}}","x":[{{items}}]}""",
            new Dictionary<string, string> { ["to"] = "+84", ["text"] = "Lũ \"to\"\n\\" });

        Assert.Equal("""{"to":"+84","text":"Lũ \"to\"\n\\","x":[{{items}}]}""", rendered);
    }

    [Fact]
    public void Options_AreValidated_WithOneLinePerProblem()
    {
        var options = new DeliveryOptions
        {
            Dispatcher = new DispatcherOptions { ClaimBatchSize = 500, InFlightWindow = 100, MaxAttempts = 0 },
            Channels =
            {
                ["sms"] = new ChannelOptions { Kind = ChannelKind.HttpSms, Http = new HttpSmsOptions { Url = "not a url", MaxBatchSize = 50 } },
                ["email"] = new ChannelOptions { Kind = ChannelKind.Email },
                ["webhook"] = new ChannelOptions { Kind = ChannelKind.Webhook, Webhook = new WebhookOptions { Secret = "short" } },
            },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.Contains("InFlightWindow", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MaxAttempts", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("sms:Http:Url", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("BatchUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Smtp settings", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Secret", StringComparison.Ordinal));
        Assert.Empty(new DeliveryOptions().Validate());
    }

    /// <summary>A clock whose monotonic timestamp (what the bucket reads) moves only when told.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
