using System.Buffers.Binary;

namespace CivilDefense.Core.Alerts.Acknowledgements;

/// <summary>
/// The outbox names alerts and recipients by GUID (it has no foreign keys, and targeting hands it
/// millions of recipients), while issued alerts and subscribers have integer keys. These GUIDs are
/// the integer behind a fixed tag, so each side can be found from the other without a lookup
/// table: the delivery board reaches the outbox from the alert page, and acknowledgement and
/// escalation reach the subscriber from a delivery. A GUID without the tag (a test's random one)
/// maps to nothing. An organisation's duty contact has a tag of its own, so the dispatcher can tell
/// from the delivery alone whose message carries an acknowledgement link (residents acknowledge
/// nothing) without a lookup per message.
/// </summary>
public static class DeliveryIdentities
{
    // "PTDS" "ALRT" / "PTDS" "SUBS" in ASCII, then the key in big-endian.
    private static readonly byte[] AlertTag = "PTDSALRT"u8.ToArray();
    private static readonly byte[] RecipientTag = "PTDSSUBS"u8.ToArray();
    private static readonly byte[] DutyContactTag = "PTDSDUTY"u8.ToArray();

    public static Guid AlertId(int issuedAlertId) => Make(AlertTag, issuedAlertId);

    public static Guid RecipientId(int subscriberId) => Make(RecipientTag, subscriberId);

    /// <param name="acknowledges">An organisation's duty contact, who acknowledges the alert for it.</param>
    public static Guid RecipientId(int subscriberId, bool acknowledges) => Make(acknowledges ? DutyContactTag : RecipientTag, subscriberId);

    /// <summary>Both ids a subscriber may have been queued under (a resident who later became a duty contact, or back).</summary>
    public static Guid[] RecipientIds(int subscriberId) => [Make(DutyContactTag, subscriberId), Make(RecipientTag, subscriberId)];

    /// <summary>Whether the recipient was queued as a duty contact, whose messages carry the acknowledgement link.</summary>
    public static bool Acknowledges(Guid recipientId) => Read(DutyContactTag, recipientId) is not null;

    public static int? IssuedAlertId(Guid alertId) => Read(AlertTag, alertId);

    public static int? SubscriberId(Guid recipientId) => Read(RecipientTag, recipientId) ?? Read(DutyContactTag, recipientId);

    private static Guid Make(byte[] tag, int key)
    {
        Span<byte> bytes = stackalloc byte[16];
        tag.CopyTo(bytes);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], key);
        return new Guid(bytes, bigEndian: true);
    }

    private static int? Read(byte[] tag, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var key = BinaryPrimitives.ReadInt64BigEndian(bytes[8..]);
        return bytes[..8].SequenceEqual(tag) && key is > 0 and <= int.MaxValue ? (int)key : null;
    }
}
