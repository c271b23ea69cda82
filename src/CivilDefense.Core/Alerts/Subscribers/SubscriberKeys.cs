using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>
/// The server's secret for subscriber links and codes. Confirmation codes are short (six digits,
/// typed from an SMS), so a plain hash would fall to a million guesses against a stolen table: they
/// are stored as an HMAC under this key instead. Unsubscribe links carry the subscriber id and an
/// HMAC of it, so they work without a login, never expire, and cannot be forged for someone else.
/// The key must survive restarts (links already sent must keep working): the host loads it from
/// configuration or a key file.
/// </summary>
public sealed class SubscriberKeys
{
    private const int CodeDigits = 6;
    private readonly byte[] _key;

    public SubscriberKeys(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new ArgumentException("The subscriber link key must have at least 32 bytes.", nameof(key));
        }

        _key = key;
    }

    public static string NewCode() =>
        RandomNumberGenerator.GetInt32(0, (int)Math.Pow(10, CodeDigits)).ToString("D" + CodeDigits, CultureInfo.InvariantCulture);

    /// <summary>Bound to the subscriber so a code hash cannot be moved to another row.</summary>
    public string HashCode(int subscriberId, string code) =>
        Convert.ToHexStringLower(Mac($"confirm:{subscriberId}:{code.Trim()}"));

    public bool CodeMatches(int subscriberId, string code, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(HashCode(subscriberId, code)), Encoding.ASCII.GetBytes(hash));

    /// <summary>"{id}.{mac}": the token of the subscriber's unsubscribe link.</summary>
    public string UnsubscribeToken(int subscriberId) =>
        subscriberId.ToString(CultureInfo.InvariantCulture) + "." + Base64Url(Mac($"unsubscribe:{subscriberId}").AsSpan(0, 16));

    /// <summary>The subscriber id of a genuine token, or null.</summary>
    public int? ReadUnsubscribeToken(string? token)
    {
        var dot = token?.IndexOf('.') ?? -1;
        if (dot <= 0 || !int.TryParse(token![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(UnsubscribeToken(id));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token)) ? id : null;
    }

    /// <summary>
    /// "{alert}-{subscriber}.{mac}": the token of a duty contact's acknowledgement link for one
    /// alert, short enough for an SMS; like the unsubscribe token it needs no login and cannot be
    /// moved to another alert or contact.
    /// </summary>
    public string AcknowledgeToken(int issuedAlertId, int subscriberId) =>
        FormattableString.Invariant($"{issuedAlertId}-{subscriberId}.") + Base64Url(Mac($"acknowledge:{issuedAlertId}:{subscriberId}").AsSpan(0, 16));

    /// <summary>The (alert, subscriber) of a genuine acknowledgement token, or null.</summary>
    public (int IssuedAlertId, int SubscriberId)? ReadAcknowledgeToken(string? token)
    {
        var dash = token?.IndexOf('-') ?? -1;
        var dot = token?.IndexOf('.') ?? -1;
        if (dash <= 0 || dot <= dash + 1
            || !int.TryParse(token![..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var alert)
            || !int.TryParse(token[(dash + 1)..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var subscriber))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(AcknowledgeToken(alert, subscriber));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token)) ? (alert, subscriber) : null;
    }

    private byte[] Mac(string text) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
