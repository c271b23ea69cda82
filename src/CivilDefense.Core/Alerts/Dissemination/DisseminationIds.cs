using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CivilDefense.Core.Alerts.Dissemination;

/// <summary>
/// The Guids the delivery outbox keys its rows by, made from PTDS's own keys so that running the
/// dissemination of a message again finds the rows it already wrote and adds nothing.
/// </summary>
public static class DisseminationIds
{
    // "a1e47" (alert) + version 8 (custom, RFC 9562) + the RFC variant; the subscriber id fills the
    // last 12 hex digits. Reversible, so an Update or Cancel can find who earlier messages reached.
    private const string RecipientPrefix = "a1e47000-0000-8000-8000-";

    /// <summary>
    /// A subscriber's recipient id: fixed prefix, then the int id in hex. Deterministic and
    /// reversible, and ordered like the ids, so the outbox's (alert, recipient) index grows at its end.
    /// </summary>
    public static Guid Recipient(int subscriberId) =>
        Guid.Parse(RecipientPrefix + subscriberId.ToString("x12", CultureInfo.InvariantCulture));

    /// <summary>The subscriber behind a recipient id, or null for a recipient that is not a subscriber.</summary>
    public static int? SubscriberOf(Guid recipientId)
    {
        var text = recipientId.ToString("D");
        return text.StartsWith(RecipientPrefix, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(RecipientPrefix.Length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var id)
            && id is > 0 and <= int.MaxValue
            ? (int)id
            : null;
    }

    /// <summary>
    /// The outbox id of one issued CAP message: a name-based id (SHA-256 of sender and identifier,
    /// version 8) — each Alert, Update and Cancel has its own, and the same message always the same.
    /// </summary>
    public static Guid Message(string sender, string identifier)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("cap:" + sender + "," + identifier), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
