using System.Security.Cryptography;
using System.Text;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The idempotency key of a delivery. Deterministic, so a delivery re-sent after a crash carries
/// the same key as the first send and the receiver can drop it; hashed, so it reveals nothing.
/// </summary>
public static class DeliveryKeys
{
    public static string IdempotencyKey(Guid alertId, Guid recipientId, string channel)
    {
        Span<byte> input = stackalloc byte[32 + (channel.Length * 3)];
        alertId.TryWriteBytes(input[..16], bigEndian: true, out _);
        recipientId.TryWriteBytes(input[16..32], bigEndian: true, out _);
        var length = 32 + Encoding.UTF8.GetBytes(channel, input[32..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input[..length], hash);

        // 128 bits are plenty against collisions and keep the key short in headers and rows.
        return Convert.ToHexStringLower(hash[..16]);
    }
}
