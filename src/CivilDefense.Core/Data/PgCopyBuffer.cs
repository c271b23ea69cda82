using System.Buffers.Binary;
using System.Text;

namespace CivilDefense.Core.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (header, then per row a field count and
/// length-prefixed big-endian values, -1 for NULL, and a -1 trailer), written straight into a
/// byte buffer that the caller hands to a raw binary COPY. NpgsqlBinaryImporter binds a parameter
/// per field, which cost the client more CPU than the server spent storing the row (the delivery
/// outbox and the observation ingest both write millions of rows).
/// </summary>
internal sealed class PgCopyBuffer(int capacity)
{
    private static readonly DateTime PostgresEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

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

    /// <summary>Starts a row of this many fields; each field follows by one of the writers below.</summary>
    public void Row(short fields) => BinaryPrimitives.WriteInt16BigEndian(Take(2), fields);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Take(4), -1);

    public void Uuid(Guid value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 16);
        value.TryWriteBytes(Take(16), bigEndian: true, out _);
    }

    public void Text(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), length);
        Encoding.UTF8.GetBytes(value, Take(length));
    }

    /// <summary>Text already encoded as UTF-8 (a value repeated on every row is encoded once).</summary>
    public void Text(ReadOnlySpan<byte> utf8)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), utf8.Length);
        utf8.CopyTo(Take(utf8.Length));
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 4);
        BinaryPrimitives.WriteInt32BigEndian(Take(4), value);
    }

    /// <summary>float8: the IEEE 754 bits, big-endian.</summary>
    public void Double(double value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 8);
        BinaryPrimitives.WriteDoubleBigEndian(Take(8), value);
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void Timestamp(DateTime utc) => TimestampMicroseconds(Microseconds(utc));

    /// <summary>A timestamp already converted by <see cref="Microseconds"/> (one repeated on every row).</summary>
    public void TimestampMicroseconds(long microseconds)
    {
        BinaryPrimitives.WriteInt32BigEndian(Take(4), 8);
        BinaryPrimitives.WriteInt64BigEndian(Take(8), microseconds);
    }

    public static long Microseconds(DateTime utc) => (utc.ToUniversalTime() - PostgresEpoch).Ticks / 10;

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
