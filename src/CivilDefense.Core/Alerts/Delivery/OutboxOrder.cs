using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The order in which an alert's deliveries are written: grouped by outbox partition, and in
/// key order within each, each (recipient, channel) once. Key order lets every index grow at its
/// end instead of at random places (random Guids made SQLite's index thrash its page cache and
/// cost PostgreSQL page splits all over). The requests are not copied: the order is a list of
/// their positions, which at two million rows saves two 100 MB arrays and the full garbage
/// collections they caused over the caller's two million request objects.
/// </summary>
/// <param name="Positions">Positions in the request list, in write order.</param>
/// <param name="PartitionStarts">Where each partition's rows start in <paramref name="Positions"/>, plus the end.</param>
/// <param name="Channels">The number of deliveries to write per channel.</param>
public sealed record OutboxOrder(int[] Positions, int[] PartitionStarts, IReadOnlyDictionary<string, int> Channels)
{
    public int Count => PartitionStarts[^1];

    /// <summary>
    /// Sorts by (partition, recipient, position) and drops repeats and what is already queued.
    /// A Guid's big-endian bytes as one 128-bit number order like Guid.CompareTo, uuid and the
    /// upper-case text EF stores on SQLite. The sort runs on one 64-bit key per request (partition
    /// in the top bits, then the recipient's leading bits): a primitive sort of two million keys
    /// is a tenth of the cost of comparing records. Equal keys, which the same recipient on
    /// several channels always gives, are then ordered by the whole recipient and the position, so
    /// of two requests for the same (recipient, channel) the first wins.
    /// </summary>
    /// <param name="partitions">The number of partitions (1 where the outbox has none).</param>
    /// <param name="partitionOf">The partition of a recipient, below <paramref name="partitions"/>.</param>
    /// <remarks>
    /// Compiled fully optimised at once: a province sends a large alert rarely, so this code is
    /// cold when it matters, and two million rows through tier-0 code cost about a second.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static OutboxOrder Of(IReadOnlyList<DeliveryRequest> requests, int partitions, Func<Guid, int> partitionOf, IReadOnlySet<(Guid, string)> existing)
    {
        if (partitions is < 1 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(partitions), "At most 16 partitions fit the sort key.");
        }

        // Everything read from the requests is read here, in their own order: in sorted order each
        // request is a random place in memory, and at two million a cache miss each was most of the time.
        var keys = new ulong[requests.Count];
        var positions = new int[requests.Count];
        var channelCounts = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < keys.Length; i++)
        {
            var request = requests[i];
            var partition = partitions == 1 ? 0 : partitionOf(request.RecipientId);
            keys[i] = ((ulong)partition << 60) | (Leading(request.RecipientId) >> 4);
            positions[i] = i;
            CollectionsMarshal.GetValueRefOrAddDefault(channelCounts, request.Channel, out _)++;
        }

        var channels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (channel, n) in channelCounts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(channels, channel, out _) += n;
        }

        Array.Sort(keys, positions);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(positions, start, end - start, Comparer<int>.Create((a, b) =>
                {
                    var byId = requests[a].RecipientId.CompareTo(requests[b].RecipientId);
                    return byId != 0 ? byId : a.CompareTo(b);
                }));
            }

            start = end;
        }

        // Compact in place: drop a repeat of a kept (recipient, channel), which sits just before
        // it, and anything already queued (a second run after a crash half-way). Only a request
        // whose key equals the one before can be a repeat; only those are looked at.
        var starts = new int[partitions + 1];
        var count = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            var maybeRepeat = i > 0 && keys[i] == keys[i - 1];
            if (maybeRepeat || existing.Count > 0)
            {
                var request = requests[positions[i]];
                if ((maybeRepeat && IsRepeat(requests, positions, count, request)) || (existing.Count > 0 && existing.Contains((request.RecipientId, request.Channel))))
                {
                    channels[request.Channel]--;
                    continue;
                }
            }

            starts[(int)(keys[i] >> 60) + 1]++;
            positions[count++] = positions[i];
        }

        foreach (var (channel, n) in channels)
        {
            if (n == 0)
            {
                channels.Remove(channel);
            }
        }

        for (var p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }

        return new OutboxOrder(count == positions.Length ? positions : positions[..count], starts, channels);
    }

    /// <summary>The most significant 64 bits of the Guid as uuid and Guid.CompareTo order it.</summary>
    private static ulong Leading(Guid id) => (ulong)(KeyRuns.Value(id) >> 64);

    /// <summary>Whether a kept request of the same recipient (the last ones kept) is for the same channel.</summary>
    private static bool IsRepeat(IReadOnlyList<DeliveryRequest> requests, int[] positions, int kept, DeliveryRequest request)
    {
        for (var j = kept - 1; j >= 0; j--)
        {
            var earlier = requests[positions[j]];
            if (earlier.RecipientId != request.RecipientId)
            {
                return false;
            }

            if (earlier.Channel == request.Channel)
            {
                return true;
            }
        }

        return false;
    }
}
