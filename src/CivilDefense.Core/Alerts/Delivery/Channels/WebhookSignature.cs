using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivilDefense.Core.Alerts.Delivery.Channels;

public enum WebhookVerdict
{
    Valid,
    Malformed,
    BadSignature,

    /// <summary>The timestamp lies outside the replay window: a replayed or badly delayed request.</summary>
    Stale,
}

/// <summary>
/// The signature of PTDS webhooks: HMAC-SHA256 over "timestamp.body" with a secret shared with the
/// receiver. Signing the timestamp with the body lets a receiver refuse an old request replayed
/// word for word; the idempotency key lets it drop a genuine repeat after a crash.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-PTDS-Timestamp";
    public const string SignatureHeader = "X-PTDS-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static readonly TimeSpan DefaultReplayWindow = TimeSpan.FromMinutes(5);

    /// <summary>"sha256=" and the lower-case hex HMAC of "timestamp.body".</summary>
    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver (and our tests) run on an incoming request's headers and raw body.</summary>
    public static WebhookVerdict Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? replayWindow = null)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || signatureHeader is null
            || !signatureHeader.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return WebhookVerdict.Malformed;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var given = Encoding.ASCII.GetBytes(signatureHeader);

        // Fixed-time comparison: the time taken must not tell an attacker how many characters matched.
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return WebhookVerdict.BadSignature;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(timestamp);
        return age.Duration() > (replayWindow ?? DefaultReplayWindow) ? WebhookVerdict.Stale : WebhookVerdict.Valid;
    }
}
