using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>A delivery row ready to be written: the request plus its idempotency key.</summary>
internal readonly record struct OutboxRow(Guid RecipientId, string Channel, string Address, string Language, int? UnitId, string IdempotencyKey);

/// <summary>
/// Writes queued deliveries in bulk, committed in batches: the rows must be durable before the
/// dispatcher may send anything, and one transaction per row would cost an fsync each (two
/// million of them), while one transaction for everything would hold the whole alert back
/// until the last row is written. Every committed batch can be dispatched at once.
/// </summary>
internal static class OutboxWriter
{
    public const int RowsPerTransaction = 200_000;

    // Microsoft.Data.Sqlite binds each parameter by name, and SQLite finds a name by a linear
    // scan: binding costs rows² per statement. 500 rows (3,000 parameters) made 2,000,000 rows take
    // four minutes; a few dozen rows keep the saving of fewer statements without that cost.
    private const int SqliteRowsPerStatement = 32;

    private const string Columns = "\"AlertId\", \"RecipientId\", \"Channel\", \"Address\", \"Language\", \"UnitId\", \"State\", \"Attempts\", \"QueuedAt\", \"NextAttemptAt\", \"IdempotencyKey\"";

    /// <summary>PostgreSQL: binary COPY, the fastest way in, one transaction per batch.</summary>
    public static async Task WritePostgresAsync(NpgsqlConnection connection, Guid alertId, IReadOnlyList<OutboxRow> rows, DateTime now, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerTransaction)
        {
            var end = Math.Min(rows.Count, start + RowsPerTransaction);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var import = await connection.BeginBinaryImportAsync($"COPY deliveries ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
            {
                // Synchronous writes: they fill an in-memory buffer and only block when it is sent;
                // an await per field costs more than the copy itself at two million rows.
                for (var i = start; i < end; i++)
                {
                    var row = rows[i];
                    import.StartRow();
                    import.Write(alertId, NpgsqlDbType.Uuid);
                    import.Write(row.RecipientId, NpgsqlDbType.Uuid);
                    import.Write(row.Channel, NpgsqlDbType.Varchar);
                    import.Write(row.Address, NpgsqlDbType.Varchar);
                    import.Write(row.Language, NpgsqlDbType.Varchar);
                    if (row.UnitId is { } unit)
                    {
                        import.Write(unit, NpgsqlDbType.Integer);
                    }
                    else
                    {
                        import.WriteNull();
                    }

                    import.Write(nameof(DeliveryState.Queued), NpgsqlDbType.Varchar);
                    import.Write(0, NpgsqlDbType.Integer);
                    import.Write(now, NpgsqlDbType.TimestampTz);
                    import.Write(now, NpgsqlDbType.TimestampTz);
                    import.Write(row.IdempotencyKey, NpgsqlDbType.Varchar);
                }

                await import.CompleteAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>SQLite: one prepared multi-row INSERT reused with new values, large transactions.</summary>
    public static async Task WriteSqliteAsync(SqliteConnection connection, Guid alertId, IReadOnlyList<OutboxRow> rows, DateTime now, CancellationToken ct)
    {
        for (var start = 0; start < rows.Count; start += RowsPerTransaction)
        {
            var end = Math.Min(rows.Count, start + RowsPerTransaction);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            SqliteCommand? full = null;
            try
            {
                var i = start;
                while (i < end)
                {
                    var count = Math.Min(SqliteRowsPerStatement, end - i);
                    if (count == SqliteRowsPerStatement)
                    {
                        full ??= InsertCommand(connection, transaction, alertId, now, count);
                        Bind(full, rows, i, count);
                        await full.ExecuteNonQueryAsync(ct);
                    }
                    else
                    {
                        await using var tail = InsertCommand(connection, transaction, alertId, now, count);
                        Bind(tail, rows, i, count);
                        await tail.ExecuteNonQueryAsync(ct);
                    }

                    i += count;
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }

            await transaction.CommitAsync(ct);
        }
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction, Guid alertId, DateTime now, int rows)
    {
        var sql = new StringBuilder($"INSERT INTO deliveries ({Columns}) VALUES ", rows * 64);
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@a,@r{r},@c{r},@d{r},@l{r},@u{r},'Queued',0,@t,@t,@k{r})");
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        command.Parameters.AddWithValue("@a", SqliteOutboxStore.Text(alertId));
        command.Parameters.AddWithValue("@t", now);
        for (var r = 0; r < rows; r++)
        {
            foreach (var prefix in "rcdluk")
            {
                command.Parameters.Add(string.Create(CultureInfo.InvariantCulture, $"@{prefix}{r}"), prefix == 'u' ? SqliteType.Integer : SqliteType.Text);
            }
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, IReadOnlyList<OutboxRow> rows, int start, int count)
    {
        // Parameters 0 and 1 are the alert and the time; then six per row, in the order added above.
        var parameters = command.Parameters;
        for (var r = 0; r < count; r++)
        {
            var row = rows[start + r];
            var at = 2 + (r * 6);
            parameters[at].Value = SqliteOutboxStore.Text(row.RecipientId);
            parameters[at + 1].Value = row.Channel;
            parameters[at + 2].Value = row.Address;
            parameters[at + 3].Value = row.Language;
            parameters[at + 4].Value = row.UnitId is { } unit ? unit : DBNull.Value;
            parameters[at + 5].Value = row.IdempotencyKey;
        }
    }
}
