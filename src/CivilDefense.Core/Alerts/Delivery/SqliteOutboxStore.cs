using Microsoft.Data.Sqlite;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// The outbox on SQLite, the single-node mode. SQLite has one writer at a time, so claims and
/// outcomes go through one connection in turn; the lease still matters: a dispatcher that dies
/// leaves its rows sending, and the next claim after the lease expiry picks them up again.
/// </summary>
public sealed class SqliteOutboxStore(string connectionString) : IOutboxStore
{
    private const string ClaimSql =
        "UPDATE deliveries SET \"State\" = 'Sending', \"LeaseOwner\" = @owner, \"LeaseExpiresAt\" = @lease, \"NextAttemptAt\" = @lease, \"Attempts\" = \"Attempts\" + 1 "
        + "WHERE \"Id\" IN (SELECT \"Id\" FROM deliveries WHERE " + OutboxStores.DuePredicate + " AND \"NextAttemptAt\" <= @now LIMIT @limit) "
        + "RETURNING " + OutboxStores.ClaimedColumns;

    private readonly SemaphoreSlim _writer = new(1, 1);
    private SqliteConnection? _connection;

    /// <summary>EF stores a Guid on SQLite as upper-case text; raw SQL must write and compare the same.</summary>
    internal static string Text(Guid id) => id.ToString().ToUpperInvariant();

    public async Task<IReadOnlyList<ClaimedDelivery>> ClaimAsync(string owner, int limit, DateTime now, DateTime leaseExpiresAt, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = ClaimSql;
            command.Parameters.AddWithValue("@owner", owner);
            command.Parameters.AddWithValue("@lease", leaseExpiresAt);
            command.Parameters.AddWithValue("@now", now);
            command.Parameters.AddWithValue("@limit", limit);
            var claimed = new List<ClaimedDelivery>(limit);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (alert, recipient, channel) = (Guid.Parse(reader.GetString(1)), Guid.Parse(reader.GetString(2)), reader.GetString(3));
                claimed.Add(new ClaimedDelivery(reader.GetInt64(0), alert, recipient, channel, reader.GetString(4), reader.GetString(5), reader.GetInt32(6),
                    DeliveryKeys.IdempotencyKey(alert, recipient, channel)));
            }

            return claimed;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task RecordAsync(string owner, IReadOnlyList<DeliveryOutcome> outcomes, DateTime now, CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            var connection = await ConnectionAsync(ct);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var sent = connection.CreateCommand();
            sent.Transaction = transaction;
            sent.CommandText = "UPDATE deliveries SET \"State\" = 'Sent', \"SentAt\" = @now, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL, \"LastError\" = NULL WHERE \"Id\" = @id";
            sent.Parameters.AddWithValue("@now", now);
            var sentId = sent.Parameters.Add("@id", SqliteType.Integer);

            // Only while this owner still holds the row: see PostgresOutboxStore.
            await using var failed = connection.CreateCommand();
            failed.Transaction = transaction;
            failed.CommandText = "UPDATE deliveries SET \"State\" = @state, \"NextAttemptAt\" = COALESCE(@next, \"NextAttemptAt\"), \"LastError\" = @error, \"LeaseOwner\" = NULL, \"LeaseExpiresAt\" = NULL "
                + "WHERE \"Id\" = @id AND \"State\" = 'Sending' AND \"LeaseOwner\" = @owner";
            failed.Parameters.AddWithValue("@owner", owner);
            var state = failed.Parameters.Add("@state", SqliteType.Text);
            var next = failed.Parameters.Add("@next", SqliteType.Text);
            var error = failed.Parameters.Add("@error", SqliteType.Text);
            var failedId = failed.Parameters.Add("@id", SqliteType.Integer);

            foreach (var outcome in outcomes)
            {
                if (outcome.State == DeliveryState.Sent)
                {
                    sentId.Value = outcome.Id;
                    await sent.ExecuteNonQueryAsync(ct);
                    continue;
                }

                state.Value = outcome.State.ToString();
                next.Value = outcome.NextAttemptAt is { } at ? at : DBNull.Value;
                error.Value = (object?)outcome.Error ?? DBNull.Value;
                failedId.Value = outcome.Id;
                await failed.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<DeliveryMessage>> MessagesAsync(Guid alertId, CancellationToken ct)
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

    public async Task<long> CountUnfinishedAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        try
        {
            await using var command = (await ConnectionAsync(ct)).CreateCommand();
            command.CommandText = "SELECT count(*) FROM deliveries WHERE " + OutboxStores.DuePredicate;
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }
        finally
        {
            _writer.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _writer.Dispose();
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
