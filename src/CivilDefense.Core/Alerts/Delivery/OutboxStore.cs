using System.Data.Common;
using CivilDefense.Core.Data;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>A delivery as a dispatcher holds it after the claim; <see cref="Attempts"/> counts this attempt.</summary>
public sealed record ClaimedDelivery(Guid AlertId, Guid RecipientId, string Channel, string Address, string Language, int Attempts, string IdempotencyKey)
{
    public DeliveryKey Key => new(AlertId, RecipientId, Channel);
}

/// <summary>How an attempt ended, to be written back; <see cref="NextAttemptAt"/> only for <see cref="DeliveryState.Retried"/>.</summary>
public sealed record DeliveryOutcome(DeliveryKey Key, DeliveryState State, DateTime? NextAttemptAt = null, string? Error = null);

/// <summary>
/// Which channels a claim takes: all, one, or all but some. A dispatcher claims each configured
/// channel on its own, so rows waiting for one gateway's rate never fill the places another
/// gateway's rows need; the rest (channels no one configured) still has to be claimed, to be failed.
/// </summary>
public sealed class ClaimFilter
{
    private ClaimFilter(string? only, IReadOnlyCollection<string>? except)
    {
        Only = only;
        Except = except;
        Key = only is not null ? "=" + only : except is { Count: > 0 } ? "!" + string.Join('\0', except) : "";
    }

    public static ClaimFilter All { get; } = new(null, null);

    /// <summary>Only this channel's deliveries.</summary>
    public string? Only { get; }

    /// <summary>Only deliveries whose channel is none of these (ordinal, distinct, sorted).</summary>
    public IReadOnlyCollection<string>? Except { get; }

    /// <summary>Names the filter: equal filters have equal keys (a store keeps a cursor per alert and key).</summary>
    public string Key { get; }

    public static ClaimFilter Channel(string channel) => new(channel ?? throw new ArgumentNullException(nameof(channel)), null);

    public static ClaimFilter AllBut(IEnumerable<string> channels)
    {
        var except = channels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return except.Length == 0 ? All : new(null, except);
    }

    /// <summary>Whether a delivery on <paramref name="channel"/> is one this filter claims (the stores say the same in SQL).</summary>
    public bool Admits(string channel) => Only is not null ? channel == Only : Except is null || !Except.Contains(channel, StringComparer.Ordinal);

    public override string ToString() => Only is not null ? $"channel {Only}" : Except is not null ? $"channels other than {string.Join(", ", Except)}" : "all channels";
}

/// <summary>
/// The dispatcher's side of the outbox: claim due deliveries under a lease, write back outcomes,
/// read the alert texts. One implementation per provider, because the claim is where they differ
/// (row locks skipped on PostgreSQL, the single writer on SQLite).
/// </summary>
public interface IOutboxStore : IAsyncDisposable
{
    /// <summary>
    /// Marks up to <paramref name="limit"/> due deliveries (queued, waiting for a retry, or sending
    /// under an expired lease) as sending under this owner's lease, counts the attempt, and returns them.
    /// </summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, ClaimFilter filter, CancellationToken ct);

    /// <summary>Claims due deliveries of every channel.</summary>
    Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, CancellationToken ct) =>
        ClaimAsync(owner, limit, now, leaseExpiresAt, ClaimFilter.All, ct);

    /// <summary>Writes outcomes in one transaction. A failure only changes a row this owner still holds.</summary>
    Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct);

    Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct);

    /// <summary>
    /// Whether any delivery of an open alert is not yet in a final state (queued, sending,
    /// retried). Stops at the first: a count read every row of the alert (half a second at
    /// 300,000) each time a draining dispatcher found nothing to claim.
    /// </summary>
    Task<bool> HasUnfinishedAsync(CancellationToken ct);
}

public static class OutboxStores
{
    public static IOutboxStore Open(DatabaseOptions database) => database.Provider switch
    {
        DatabaseProvider.Postgres => new PostgresOutboxStore(database.ConnectionString),
        DatabaseProvider.Sqlite => new SqliteOutboxStore(database.ConnectionString),
        _ => throw new InvalidOperationException($"Unknown provider {database.Provider}."),
    };

    /// <summary>The unfinished states.</summary>
    internal const string UnfinishedPredicate = "\"State\" IN ('Queued', 'Retried', 'Sending')";

    /// <summary>Whether an open alert has an unfinished delivery (true/false on PostgreSQL, 1/0 on SQLite).</summary>
    internal const string HasUnfinishedSql =
        "SELECT EXISTS (SELECT 1 FROM deliveries WHERE \"AlertId\" IN (SELECT \"AlertId\" FROM delivery_alerts WHERE \"Open\") AND " + UnfinishedPredicate + ")";

    /// <summary>What every claim writes: no indexed column but <c>RetryAt</c>, null before and after for all but retries.</summary>
    internal const string ClaimSet =
        "\"State\" = 'Sending', \"LeaseOwner\" = @owner, \"LeaseExpiresAt\" = @lease, \"NextAttemptAt\" = @lease, \"Attempts\" = \"Attempts\" + 1, \"RetryAt\" = NULL";

    internal const string ClaimedColumns = "\"AlertId\", \"RecipientId\", \"Channel\", \"Address\", \"Language\", \"Attempts\"";

    /// <summary>Reads (Channel, Language, Subject, Body) rows of one alert's messages.</summary>
    internal static async Task<IReadOnlyList<DeliveryMessage>> ReadMessagesAsync(DbDataReader reader, Guid alertId, CancellationToken ct)
    {
        var messages = new List<DeliveryMessage>();
        while (await reader.ReadAsync(ct))
        {
            messages.Add(new DeliveryMessage
            {
                AlertId = alertId,
                Channel = reader.GetString(0),
                Language = reader.GetString(1),
                Subject = reader.IsDBNull(2) ? null : reader.GetString(2),
                Body = reader.GetString(3),
            });
        }

        return messages;
    }
}
