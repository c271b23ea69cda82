using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// On PostgreSQL the outbox is split by a hash of the recipient into <see cref="Count"/> partitions
/// (migration 0014), so that queueing connections each fill their own table and index instead
/// of contending for the same last pages. The writer routes each row itself, to COPY straight
/// into its partition: this is PostgreSQL's own choice (<c>PARTITION BY HASH</c> over a uuid:
/// the 64-bit Jenkins hash of its 16 bytes with the partition seed, combined, modulo the count).
/// A row sent to the wrong partition would be refused by the partition's constraint, not misfiled.
/// </summary>
public static class OutboxPartitions
{
    public const int Count = 4;

    private const ulong PartitionSeed = 0x7A5B22367996DCFD;

    /// <summary>The partition (0 to <see cref="Count"/> - 1) PostgreSQL files this recipient's rows in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per queued row: see OutboxOrder.Of
    public static int Of(Guid recipientId)
    {
        Span<byte> bytes = stackalloc byte[16];
        recipientId.TryWriteBytes(bytes, bigEndian: true, out _);
        var hash = HashBytesExtended(bytes, PartitionSeed);

        // Combined with the hash of no earlier key (0): the constant only.
        var row = hash + 0x49a0f4dd15e5a8e3UL;
        return (int)(row % Count);
    }

    public static string Table(int partition) => "deliveries_p" + partition;

    /// <summary>Bob Jenkins' lookup3 over the key in 32-bit little-endian words, seeded, with a 64-bit result (b, c).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong HashBytesExtended(ReadOnlySpan<byte> key, ulong seed)
    {
        uint a, b, c;
        a = b = c = 0x9e3779b9 + (uint)key.Length + 3923095;
        if (seed != 0)
        {
            a += (uint)(seed >> 32);
            b += (uint)seed;
            Mix(ref a, ref b, ref c);
        }

        var rest = key;
        while (rest.Length >= 12)
        {
            a += BinaryPrimitives.ReadUInt32LittleEndian(rest);
            b += BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
            c += BinaryPrimitives.ReadUInt32LittleEndian(rest[8..]);
            Mix(ref a, ref b, ref c);
            rest = rest[12..];
        }

        // A uuid leaves 4 bytes here; the lowest byte of c would be reserved for the length.
        if (rest.Length != 4)
        {
            throw new ArgumentException("Only 16-byte keys are routed here.", nameof(key));
        }

        a += BinaryPrimitives.ReadUInt32LittleEndian(rest);
        Final(ref a, ref b, ref c);
        return ((ulong)b << 32) | c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref uint a, ref uint b, ref uint c)
    {
        a -= c; a ^= BitOperations.RotateLeft(c, 4); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 6); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 8); b += a;
        a -= c; a ^= BitOperations.RotateLeft(c, 16); c += b;
        b -= a; b ^= BitOperations.RotateLeft(a, 19); a += c;
        c -= b; c ^= BitOperations.RotateLeft(b, 4); b += a;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Final(ref uint a, ref uint b, ref uint c)
    {
        c ^= b; c -= BitOperations.RotateLeft(b, 14);
        a ^= c; a -= BitOperations.RotateLeft(c, 11);
        b ^= a; b -= BitOperations.RotateLeft(a, 25);
        c ^= b; c -= BitOperations.RotateLeft(b, 16);
        a ^= c; a -= BitOperations.RotateLeft(c, 4);
        b ^= a; b -= BitOperations.RotateLeft(a, 14);
        c ^= b; c -= BitOperations.RotateLeft(b, 24);
    }
}
