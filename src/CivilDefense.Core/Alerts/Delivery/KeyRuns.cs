using System.Buffers.Binary;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// Splits the recipients of a batch of outcomes into runs of nearby keys, so that each outcome
/// statement on PostgreSQL can bound its key range (<c>"RecipientId" BETWEEN first AND last</c>)
/// beside the list of keys. The bound is what keeps the statement cheap whatever the planner
/// believes: right after a large alert is queued, statistics still say an alert has a few rows,
/// and the planner then searched the index on (alert, channel) only and filtered every row of the
/// alert's partition against the list (35,000 rows read for 2,500 written, 360 ms a statement,
/// where a bounded one took 5 ms). Recipient ids are random, so the distance between two keys
/// says how many rows lie between them; a gap far wider than the run's average (a retry from
/// elsewhere in the alert) starts a new run.
/// </summary>
public static class KeyRuns
{
    /// <summary>Most keys in one statement.</summary>
    public const int MaxRunLength = 2_000;

    /// <summary>A gap this many times the average gap of the whole batch starts a new run.</summary>
    private const int WideGap = 16;

    /// <summary>Runs of <paramref name="sorted"/> (ascending in uuid order) as (start, length).</summary>
    public static IReadOnlyList<(int Start, int Length)> Of(IReadOnlyList<Guid> sorted)
    {
        var runs = new List<(int, int)>();
        if (sorted.Count == 0)
        {
            return runs;
        }

        // Too few keys to judge what is near: each key alone (an exact look-up each).
        if (sorted.Count <= 2 * WideGap)
        {
            for (var i = 0; i < sorted.Count; i++)
            {
                runs.Add((i, 1));
            }

            return runs;
        }

        var wide = (Value(sorted[^1]) - Value(sorted[0])) / (UInt128)(sorted.Count - 1) * WideGap;
        var start = 0;
        for (var i = 1; i <= sorted.Count; i++)
        {
            if (i == sorted.Count || i - start == MaxRunLength || Value(sorted[i]) - Value(sorted[i - 1]) > wide)
            {
                runs.Add((start, i - start));
                start = i;
            }
        }

        return runs;
    }

    /// <summary>The id as PostgreSQL orders uuids: its 16 bytes, big-endian, as one number.</summary>
    public static UInt128 Value(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>Sorts ids in uuid order, which is Guid.CompareTo's (and the order of <see cref="Value"/>).</summary>
    public static Guid[] Sorted(IEnumerable<Guid> ids) => ids.Order().ToArray();
}
