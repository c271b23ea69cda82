using System.Buffers.Binary;
using System.Text;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// Outbox rows in PostgreSQL's binary COPY format (header, then per row a field count and
/// length-prefixed big-endian values, -1 for NULL, and a -1 trailer), for the columns of
/// <see cref="OutboxWriter"/>: alert, recipient, channel, address, language, unit, state,
/// attempts, queued at, next attempt at.
/// </summary>
internal sealed class PgCopyBuffer(int capacity)
{
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly byte[] Queued = Encoding.UTF8.GetBytes(nameof(DeliveryState.Queued));

    private byte[] _bytes = new byte[capacity];
    private int _length;

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>Signature, flags (no OIDs) and header extension length.</summary>
    public void Header()
    {
        Signature.CopyTo(Take(Signature.Length));
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 0);
    }

    public void Trailer() => BinaryPrimitives.WriteInt16BigEndian(Take(2), -1);

    public void Row(Guid alertId, in OutboxRow row, DateTime now)
    {
        BinaryPrimitives.WriteInt16BigEndian(Take(2), 10);
        Uuid(alertId);
        Uuid(row.RecipientId);
        Text(row.Channel);
        Text(row.Address);
        Text(row.Language);
        if (row.UnitId is { } unit)
        {
            Int32(unit);
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);
        }

        BinaryPrimitives.WriteInt32BigEndian(Take(4), Queued.Length);
        Queued.CopyTo(Take(Queued.Length));
        Int32(0);
        Timestamp(now);
        Timestamp(now);
    }

    private void Uuid(Guid value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 16);
        value.TryWriteBytes(Take(16), bigEndian: true, out _);
    }

    private void Text(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), length);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 4);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), value);
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    private void Timestamp(DateTime utc)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 8);
        BinaryPrimitives.WriteInt64BigEndian(Take(8), (utc.ToUniversalTime() - PostgresEpoch).Ticks / 10);
    }

    private Span<byte> Take(int count)
    {
        if (_length + count > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + count));
        }

        var span = _bytes.AsSpan(_length, count);
        _length += count;
        return span;
    }
}
