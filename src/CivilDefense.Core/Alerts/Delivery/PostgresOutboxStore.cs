using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The outbox on PostgreSQL. Claims lock the chosen rows with <c>FOR UPDATE SKIP LOCKED</c>, so
/// several dispatcher processes take disjoint batches without waiting on each other, and a row
/// claimed by one is not due for another until its lease runs out.
/// </summary>
public sealed class PostgresOutboxStore(string connectionString) : IOutboxStore
{
    private const string ClaimSql =
        "UPDATE deliveries SET \"State\" = 'Sending', \"LeaseOwner\" = @owner, \"LeaseExpiresAt\" = @lease, \"NextAttemptAt\" = @lease, \"Attempts\" = \"Attempts\" + 1 "
        + "WHERE \"Id\" IN (SELECT \"Id\" FROM deliveries WHERE " + OutboxStores.DuePredicate + " AND \"NextAttemptAt\" <= @now LIMIT @limit FOR UPDATE SKIP LOCKED) "
        + "RETURNING " + OutboxStores.ClaimedColumns;

    private const string SentSql =
        "UPDATE deliveries SET \"State\" = 'Sent', \"SentAt\" = @now, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL, \"LastError\" = NULL WHERE \"Id\" = ANY(@ids)";

    // A row whose lease this owner lost may have been sent by another dispatcher meanwhile: a late
    // failure must not overwrite that, hence the owner and state conditions.
    private const string FailedSql =
        "UPDATE deliveries AS d SET \"State\" = v.state, \"NextAttemptAt\" = COALESCE(v.next, d.\"NextAttemptAt\"), \"LastError\" = v.error, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL "
        + "FROM unnest(@ids, @states, @nexts, @errors) AS v(id, state, next, error) "
        + "WHERE d.\"Id\" = v.id AND d.\"State\" = 'Sending' AND d.\"LeaseOwner\" = @owner";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, CancellationToken ct)
    {
        await using var command = _source.CreateCommand(ClaimSql);
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("lease", NpgsqlDbType.TimestampTz, leaseExpiresAt);
        command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
        command.Parameters.AddWithValue("limit", limit);
        var claimed = new List<ClaimedDelivery>(limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (alert, recipient, channel) = (reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3));
            claimed.Add(new ClaimedDelivery(reader.GetInt64(0), alert, recipient, channel, reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                DeliveryKeys.IdempotencyKey(alert, recipient, channel)));
        }

        return claimed;
    }

    public async Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct)
    {
        var sent = outcomes.Where(o => o.State == DeliveryState.Sent).Select(o => o.Id).ToArray();
        var others = outcomes.Where(o => o.State != DeliveryState.Sent).ToArray();
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        if (sent.Length > 0)
        {
            var command = new NpgsqlBatchCommand(SentSql);
            command.Parameters.AddWithValue("now", NpgsqlDbType.TimestampTz, now);
            command.Parameters.AddWithValue("ids", sent);
            batch.BatchCommands.Add(command);
        }

        if (others.Length > 0)
        {
            var command = new NpgsqlBatchCommand(FailedSql);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("ids", others.Select(o => o.Id).ToArray());
            command.Parameters.AddWithValue("states", others.Select(o => o.State.ToString()).ToArray());
            command.Parameters.Add(new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = others.Select(o => o.NextAttemptAt).ToArray() });
            command.Parameters.AddWithValue("errors", others.Select(o => o.Error).ToArray());
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count > 0)
        {
            // A batch of several statements runs in one implicit transaction.
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct)
    {
        await using var command = _source.CreateCommand("SELECT \"Channel\", \"Language\", \"Subject\", \"Body\" FROM delivery_messages WHERE \"AlertId\" = @alert");
        command.Parameters.AddWithValue("alert", alertId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await OutboxStores.ReadMessagesAsync(reader, alertId, ct);
    }

    public async Task<long> CountUnfinishedAsync(CancellationToken ct)
    {
        await using var command = _source.CreateCommand("SELECT count(*) FROM deliveries WHERE " + OutboxStores.DuePredicate);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
