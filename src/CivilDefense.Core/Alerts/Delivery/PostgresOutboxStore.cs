using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The outbox on PostgreSQL. Claims lock the chosen rows with <c>FOR UPDATE SKIP LOCKED</c>, so
/// several dispatcher processes take disjoint batches without waiting on each other, and a row
/// claimed by one is not due for another until its lease runs out. Neither a claim nor a sent
/// outcome changes an indexed column, so PostgreSQL can write both in place (HOT) instead of
/// adding index entries for every delivery twice.
/// </summary>
public sealed class PostgresOutboxStore(string connectionString) : CursorOutboxStore
{
    private const string Keys = "\"AlertId\", \"RecipientId\", \"Channel\"";

    private const string SentSql =
        "UPDATE {0} SET \"State\" = 'Sent', \"SentAt\" = @now, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL, \"LastError\" = NULL "
        + "WHERE \"AlertId\" = @alert AND \"Channel\" = @channel AND \"RecipientId\" BETWEEN @low AND @high AND \"RecipientId\" = ANY(@recipients)";

    // A row whose lease this owner lost may have been sent by another dispatcher meanwhile: a late
    // failure must not overwrite that, hence the owner and state conditions.
    private const string FailedSql =
        "UPDATE {0} AS d SET \"State\" = v.state, \"NextAttemptAt\" = COALESCE(v.next, d.\"NextAttemptAt\"), \"RetryAt\" = v.next, \"LastError\" = v.error, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL "
        + "FROM unnest(@recipients, @states, @nexts, @errors) AS v(recipient, state, next, error) "
        + "WHERE d.\"AlertId\" = @alert AND d.\"Channel\" = @channel AND d.\"RecipientId\" BETWEEN @low AND @high AND d.\"RecipientId\" = v.recipient "
        + "AND d.\"State\" = 'Sending' AND d.\"LeaseOwner\" = @owner";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(WithPlannerSettings(connectionString));

    /// <summary>
    /// Every statement of this store reads a key range in key order, a few keys, or the few
    /// waiting retries, and must stop after its batch. Right after a bulk COPY the partitions have
    /// no statistics yet, and the planner, guessing a few rows, chose a bitmap scan of the whole
    /// alert and a sort of it (190 ms for 5,000 of 200,000 rows instead of 50 ms), and a
    /// sequential scan of every partition for the retries at each claim (one second a claim at
    /// 200,000 rows): the store's own sessions never want any of these, nor a hash or merge join.
    /// Nor JIT compilation: a sort that cannot be avoided (of the claimed batch) costs "disabled",
    /// which passed the JIT threshold and spent a second compiling each claim.
    /// </summary>
    private static string WithPlannerSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = ((builder.Options ?? "")
            + " -c enable_bitmapscan=off -c enable_sort=off -c enable_seqscan=off -c enable_hashjoin=off -c enable_mergejoin=off -c jit=off").Trim();
        return builder.ConnectionString;
    }

    protected override async Task<IReadOnlyList<(Guid Alert, long Version)>> OpenAlertsAsync(CancellationToken ct)
    {
        await using var command = _source.CreateCommand("SELECT \"AlertId\", \"Version\" FROM delivery_alerts WHERE \"Open\" ORDER BY \"AlertId\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var open = new List<(Guid, long)>();
        while (await reader.ReadAsync(ct))
        {
            open.Add((reader.GetGuid(0), reader.GetInt64(1)));
        }

        return open;
    }

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimRetriesAsync(string owner, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(RetriesDue, filter), "", owner, limit, lease, ct, [("now", now), .. FilterParameters(filter)]);

    // The channel condition is one more on a key column: the scan stays the primary key's range in key order.
    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimQueuedAsync(string owner, Guid alert, Guid afterRecipient, string afterChannel, int limit, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(QueuedAfterCursor, filter), KeyOrder, owner, limit, lease, ct,
            [("alert", alert), ("recipient", afterRecipient), ("channel", afterChannel), .. FilterParameters(filter)]);

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimExpiredAsync(string owner, Guid alert, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(LeaseExpired, filter), "", owner, limit, lease, ct, [("alert", alert), ("now", now), .. FilterParameters(filter)]);

    protected override async Task<bool> CloseIfFinishedAsync(Guid alert, long version, CancellationToken ct)
    {
        // A batch committed meanwhile bumps the version, and the row lock makes this statement see it.
        await using var command = _source.CreateCommand(
            "UPDATE delivery_alerts SET \"Open\" = false WHERE \"AlertId\" = @alert AND \"Version\" = @version "
            + "AND NOT EXISTS (SELECT 1 FROM deliveries WHERE \"AlertId\" = @alert AND " + OutboxStores.UnfinishedPredicate + ")");
        command.Parameters.AddWithValue("alert", alert);
        command.Parameters.AddWithValue("version", version);
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    public override async Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);

        // Grouped by (alert, channel) and partition: each group one statement on its partition,
        // whose primary-key look-ups are index conditions (alert = , recipient = ANY, channel =).
        // Through the parent, every partition's index was searched for every key of the array.
        // Each statement covers a run of nearby keys and says so (KeyRuns: why the bound matters).
        foreach (var group in outcomes.GroupBy(o => (o.Key.AlertId, o.Key.Channel, Partition: OutboxPartitions.Of(o.Key.RecipientId))))
        {
            var table = OutboxPartitions.Table(group.Key.Partition);
            var sent = KeyRuns.Sorted(group.Where(o => o.State == DeliveryState.Sent).Select(o => o.Key.RecipientId));
            foreach (var (start, length) in KeyRuns.Of(sent))
            {
                var command = new NpgsqlBatchCommand(string.Format(CultureInfo.InvariantCulture, SentSql, table));
                command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
                AddRun(command, group.Key.AlertId, group.Key.Channel, sent.AsSpan(start, length).ToArray());
                batch.BatchCommands.Add(command);
            }

            var others = group.Where(o => o.State != DeliveryState.Sent).OrderBy(o => o.Key.RecipientId).ToArray();
            foreach (var (start, length) in KeyRuns.Of(others.Select(o => o.Key.RecipientId).ToArray()))
            {
                var run = others.AsSpan(start, length).ToArray();
                var command = new NpgsqlBatchCommand(string.Format(CultureInfo.InvariantCulture, FailedSql, table));
                command.Parameters.AddWithValue("owner", owner);
                AddRun(command, group.Key.AlertId, group.Key.Channel, run.Select(o => o.Key.RecipientId).ToArray());
                command.Parameters.AddWithValue("states", run.Select(o => o.State.ToString()).ToArray());
                command.Parameters.Add(new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = run.Select(o => o.State == DeliveryState.Retried ? o.NextAttemptAt : null).ToArray() });
                command.Parameters.AddWithValue("errors", run.Select(o => o.Error).ToArray());
                batch.BatchCommands.Add(command);
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            // A batch of several statements runs in one implicit transaction.
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The group's alert and channel, and a run of its recipients (ascending) with the run's bounds.</summary>
    private static void AddRun(NpgsqlBatchCommand command, Guid alert, string channel, Guid[] recipients)
    {
        command.Parameters.AddWithValue("alert", alert);
        command.Parameters.AddWithValue("channel", channel);
        command.Parameters.AddWithValue("low", recipients[0]);
        command.Parameters.AddWithValue("high", recipients[^1]);
        command.Parameters.AddWithValue("recipients", recipients);
    }

    public override async Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct)
    {
        await using var command = _source.CreateCommand("SELECT \"Channel\", \"Language\", \"Subject\", \"Body\" FROM delivery_messages WHERE \"AlertId\" = @alert");
        command.Parameters.AddWithValue("alert", alertId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await OutboxStores.ReadMessagesAsync(reader, alertId, ct);
    }

    public override async Task<bool> HasUnfinishedAsync(CancellationToken ct)
    {
        await using var command = _source.CreateCommand(OutboxStores.HasUnfinishedSql);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    public override async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await base.DisposeAsync();
    }

    /// <summary>Locks the rows matching <paramref name="where"/> (skipping rows another claim holds), marks them sending, returns them in key order.</summary>
    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimWhereAsync(string where, string order, string owner, int limit, DateTime lease, CancellationToken ct, IEnumerable<(string Name, object Value)> parameters)
    {
        await using var command = _source.CreateCommand(
            $"WITH picked AS (SELECT {Keys} FROM deliveries WHERE {where} {order} LIMIT @limit FOR UPDATE SKIP LOCKED), "
            + $"claimed AS (UPDATE deliveries AS d SET {OutboxStores.ClaimSet} FROM picked AS p "
            + "WHERE d.\"AlertId\" = p.\"AlertId\" AND d.\"RecipientId\" = p.\"RecipientId\" AND d.\"Channel\" = p.\"Channel\" "
            + $"RETURNING d.\"AlertId\", d.\"RecipientId\", d.\"Channel\", d.\"Address\", d.\"Language\", d.\"Attempts\") "
            + "SELECT * FROM claimed ORDER BY \"RecipientId\", \"Channel\"");
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("lease", NpgsqlDbType.TimestampTz, lease);
        command.Parameters.AddWithValue("limit", limit);
        foreach (var (name, value) in parameters)
        {
            if (value is DateTime at)
            {
                command.Parameters.AddWithValue(name, NpgsqlDbType.TimestampTz, at);
            }
            else
            {
                command.Parameters.AddWithValue(name, value);
            }
        }

        var claimed = new List<ClaimedDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (alert, recipient, channel) = (reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2));
            claimed.Add(new ClaimedDelivery(alert, recipient, channel, reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                DeliveryKeys.IdempotencyKey(alert, recipient, channel)));
        }

        return claimed;
    }
}
