using Microsoft.Data.Sqlite;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The outbox on SQLite, the single-node mode. SQLite has one writer at a time, so claims and
/// outcomes go through one connection in turn; the lease still matters: a dispatcher that dies
/// leaves its rows sending, and the next claim after the lease expiry picks them up again.
/// </summary>
public sealed class SqliteOutboxStore(string connectionString) : CursorOutboxStore
{
    private const string Keys = "\"AlertId\", \"RecipientId\", \"Channel\"";

    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>EF stores a Guid on SQLite as upper-case text; raw SQL must write and compare the same.</summary>
    internal static string Text(Guid id) => id.ToString().ToUpperInvariant();

    protected override async Task<IReadOnlyList<(Guid Alert, long Version)>> OpenAlertsAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = "SELECT \"AlertId\", \"Version\" FROM delivery_alerts WHERE \"Open\" ORDER BY \"AlertId\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            var open = new List<(Guid, long)>();
            while (await reader.ReadAsync(ct))
            {
                open.Add((Guid.Parse(reader.GetString(0)), reader.GetInt64(1)));
            }

            return open;
        }
        finally
        {
            _writer.Release();
        }
    }

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimRetriesAsync(string owner, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(RetriesDue, filter), "", owner, limit, lease, ct, [("now", now), .. FilterParameters(filter)]);

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimQueuedAsync(string owner, Guid alert, Guid afterRecipient, string afterChannel, int limit, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(QueuedAfterCursor, filter), KeyOrder, owner, limit, lease, ct,
            [("alert", Text(alert)), ("recipient", Text(afterRecipient)), ("channel", afterChannel), .. FilterParameters(filter)]);

    protected override Task<IReadOnlyList<ClaimedDelivery>> ClaimExpiredAsync(string owner, Guid alert, int limit, DateTime now, DateTime lease, ClaimFilter filter, CancellationToken ct) =>
        ClaimWhereAsync(Filtered(LeaseExpired, filter), "", owner, limit, lease, ct, [("alert", Text(alert)), ("now", now), .. FilterParameters(filter)]);

    protected override async Task<bool> CloseIfFinishedAsync(Guid alert, long version, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = "UPDATE delivery_alerts SET \"Open\" = 0 WHERE \"AlertId\" = @alert AND \"Version\" = @version "
                + "AND NOT EXISTS (SELECT 1 FROM deliveries WHERE \"AlertId\" = @alert AND " + OutboxStores.UnfinishedPredicate + ")";
            command.Parameters.AddWithValue("@alert", Text(alert));
            command.Parameters.AddWithValue("@version", version);
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    public override async Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            var connection = await ConnectionAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            const string ByKey = "\"AlertId\" = @alert AND \"RecipientId\" = @recipient AND \"Channel\" = @channel";
            await using var sent = connection.CreateCommand();
            sent.Transaction = transaction;
            sent.CommandText = "UPDATE deliveries SET \"State\" = 'Sent', \"SentAt\" = @now, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL, \"LastError\" = NULL WHERE " + ByKey;
            sent.Parameters.AddWithValue("@now", now);
            var sentKey = KeyParameters(sent);

            // Only while this owner still holds the row: see PostgresOutboxStore.
            await using var failed = connection.CreateCommand();
            failed.Transaction = transaction;
            failed.CommandText = "UPDATE deliveries SET \"State\" = @state, \"NextAttemptAt\" = COALESCE(@next, \"NextAttemptAt\"), \"RetryAt\" = @next, \"LastError\" = @error, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL "
                + "WHERE " + ByKey + " AND \"State\" = 'Sending' AND \"LeaseOwner\" = @owner";
            failed.Parameters.AddWithValue("@owner", owner);
            var state = failed.Parameters.Add("@state", SqliteType.Text);
            var next = failed.Parameters.Add("@next", SqliteType.Text);
            var error = failed.Parameters.Add("@error", SqliteType.Text);
            var failedKey = KeyParameters(failed);

            foreach (var outcome in outcomes)
            {
                if (outcome.State == DeliveryState.Sent)
                {
                    SetKey(sentKey, outcome.Key);
                    await sent.ExecuteNonQueryAsync(ct);
                    continue;
                }

                state.Value = outcome.State.ToString();
                next.Value = outcome.State == DeliveryState.Retried && outcome.NextAttemptAt is { } at ? at : DBNull.Value;
                error.Value = (object?)outcome.Error ?? DBNull.Value;
                SetKey(failedKey, outcome.Key);
                await failed.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    public override async Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = "SELECT \"Channel\", \"Language\", \"Subject\", \"Body\" FROM delivery_messages WHERE \"AlertId\" = @alert";
            command.Parameters.AddWithValue("@alert", Text(alertId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await OutboxStores.ReadMessagesAsync(reader, alertId, ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    public override async Task<bool> HasUnfinishedAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = OutboxStores.HasUnfinishedSql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
        }
        finally
        {
            _writer.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _writer.Dispose();
        await base.DisposeAsync();
    }

    private static (SqliteParameter Alert, SqliteParameter Recipient, SqliteParameter Channel) KeyParameters(SqliteCommand command) =>
        (command.Parameters.Add("@alert", SqliteType.Text), command.Parameters.Add("@recipient", SqliteType.Text), command.Parameters.Add("@channel", SqliteType.Text));

    private static void SetKey((SqliteParameter Alert, SqliteParameter Recipient, SqliteParameter Channel) parameters, DeliveryKey key)
    {
        parameters.Alert.Value = Text(key.AlertId);
        parameters.Recipient.Value = Text(key.RecipientId);
        parameters.Channel.Value = key.Channel;
    }

    /// <summary>Marks the rows matching <paramref name="where"/> sending and returns them in key order (the single writer needs no row locks).</summary>
    private async Task<IReadOnlyList<ClaimedDelivery>> ClaimWhereAsync(string where, string order, string owner, int limit, DateTime lease, CancellationToken ct, IEnumerable<(string Name, object Value)> parameters)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = $"UPDATE deliveries SET {OutboxStores.ClaimSet} WHERE ({Keys}) IN (SELECT {Keys} FROM deliveries WHERE {where} {order} LIMIT @limit) "
                + $"RETURNING {OutboxStores.ClaimedColumns}";
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@lease", lease);
            command.Parameters.AddWithValue("@limit", limit);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue("@" + name, value);
            }

            var claimed = new List<(string Recipient, ClaimedDelivery Row)>(limit);
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var (alert, recipient, channel) = (Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2));
                    var recipientId = Guid.Parse(recipient);
                    claimed.Add((recipient, new ClaimedDelivery(alert, recipientId, channel, reader.GetString(3), reader.GetString(4), reader.GetInt32(5),
                        DeliveryKeys.IdempotencyKey(alert, recipientId, channel))));
                }
            }

            // RETURNING has no order: sort as SQLite's BINARY collation compares the key texts.
            claimed.Sort((a, b) => a.Recipient != b.Recipient ? string.CompareOrdinal(a.Recipient, b.Recipient) : string.CompareOrdinal(a.Row.Channel, b.Row.Channel));
            return claimed.ConvertAll(c => c.Row);
        }
        finally
        {
            _writer.Release();
        }
    }

    private async Task<SqliteConnection> ConnectionAsync(CancellationToken ct)
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection(connectionString);
            await _connection.OpenAsync(ct);
        }

        return _connection;
    }
}
