using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>A delivery row ready to be written (its idempotency key is derived, not stored).</summary>
internal readonly record struct OutboxRow(Guid RecipientId, string Channel, string Address, string Language, int? UnitId);

/// <summary>
/// Writes queued deliveries in bulk, committed in batches: the rows must be durable before the
/// dispatcher may send anything, and one transaction per row would cost an fsync each (two
/// million of them), while one transaction for everything would hold the whole alert back
/// until the last row is written. Every committed batch can be dispatched at once.
/// </summary>
internal static class OutboxWriter
{
    /// <summary>Rows per transaction: an fsync per 100,000 rows is nothing, and a batch is dispatchable on commit.</summary>
    public const int RowsPerTransaction = 100_000;

    // SQLite: one JSON array per statement, read by json_each. Microsoft.Data.Sqlite binds every
    // parameter by name and SQLite finds a name by a linear scan, so a multi-row VALUES list costs
    // rows² in binding; one text parameter per 10,000 rows costs one bind, and SQLite's JSON parser
    // (C) reads the rows faster than the binder could hand them over one value at a time.
    private const int SqliteRowsPerStatement = 10_000;

    private const int SqliteRowsPerTransaction = 25 * SqliteRowsPerStatement;

    private const string Columns = "\"AlertId\", \"RecipientId\", \"Channel\", \"Address\", \"Language\", \"UnitId\", \"State\", \"Attempts\", \"QueuedAt\", \"NextAttemptAt\"";

    /// <summary>
    /// PostgreSQL: binary COPY straight into each row's partition (<see cref="OutboxPartitions"/>),
    /// one transaction per batch; <paramref name="writers"/> connections at once, each with
    /// partitions of its own, so no two write the same heap or index (two connections into one
    /// table took as long as one: they waited for the same relation extension and last index pages).
    /// </summary>
    public static async Task WritePostgresAsync(NpgsqlConnection connection, string connectionString, Guid alertId, OutboxRow[] rows, DateTime now, int writers, CancellationToken ct)
    {
        // Still in recipient order within each partition, so each index grows at its end; one
        // array, partition after partition (counted first), instead of a growing list each.
        var partitionOf = new byte[rows.Length];
        var starts = new int[OutboxPartitions.Count + 1];
        for (var i = 0; i < rows.Length; i++)
        {
            partitionOf[i] = (byte)OutboxPartitions.Of(rows[i].RecipientId);
            starts[partitionOf[i] + 1]++;
        }

        for (var p = 1; p < starts.Length; p++)
        {
            starts[p] += starts[p - 1];
        }

        var routed = new OutboxRow[rows.Length];
        var next = starts[..^1];
        for (var i = 0; i < rows.Length; i++)
        {
            routed[next[partitionOf[i]]++] = rows[i];
        }

        // One connection for a single batch's worth; otherwise up to one per partition.
        var count = rows.Length > RowsPerTransaction ? Math.Clamp(writers, 1, OutboxPartitions.Count) : 1;
        async Task WritePartitionsAsync(NpgsqlConnection writer, int first)
        {
            for (var p = first; p < OutboxPartitions.Count; p += count)
            {
                for (var start = starts[p]; start < starts[p + 1]; start += RowsPerTransaction)
                {
                    await CopyAsync(writer, p, alertId, routed.AsMemory(start, Math.Min(RowsPerTransaction, starts[p + 1] - start)), now, ct);
                }
            }
        }

        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 1; i < count; i++)
            {
                var other = new NpgsqlConnection(connectionString);
                connections.Add(other);
                await other.OpenAsync(ct);
            }

            await Task.WhenAll(connections.Select((c, i) => Task.Run(() => WritePartitionsAsync(c, i + 1), ct)).Append(WritePartitionsAsync(connection, 0)));
        }
        finally
        {
            foreach (var other in connections)
            {
                await other.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Marks the alert open for dispatchers and moves its version on, in the transaction of each
    /// batch: a dispatcher whose cursor passed these rows before they were committed starts over.
    /// </summary>
    private const string OpenAlertSql =
        "INSERT INTO delivery_alerts (\"AlertId\", \"Version\", \"Open\") VALUES (@alert, 1, TRUE) "
        + "ON CONFLICT (\"AlertId\") DO UPDATE SET \"Version\" = delivery_alerts.\"Version\" + 1, \"Open\" = TRUE";

    private static async Task CopyAsync(NpgsqlConnection connection, int partition, Guid alertId, ReadOnlyMemory<OutboxRow> rows, DateTime now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {OutboxPartitions.Table(partition)} ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            // The binary COPY format written directly: NpgsqlBinaryImporter binds a parameter per
            // field, which cost the client more CPU than the server spent storing the row.
            var buffer = new PgCopyBuffer(1 << 20);
            buffer.Header();
            for (var i = 0; i < rows.Length; i++)
            {
                buffer.Row(alertId, rows.Span[i], now);
                if (buffer.Length > (1 << 20) - 4096)
                {
                    await copy.WriteAsync(buffer.Written, ct);
                    buffer.Clear();
                }
            }

            buffer.Trailer();
            await copy.WriteAsync(buffer.Written, ct);
        }

        // Last, just before the commit: two writers take this row's lock in turn for no longer than a commit.
        await using (var open = new NpgsqlCommand(OpenAlertSql, connection, transaction))
        {
            open.Parameters.AddWithValue("alert", alertId);
            await open.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// SQLite: INSERT … SELECT from json_each of one JSON array per 10,000 rows, 250,000 rows per
    /// transaction (each commit of the rollback journal costs several fsyncs). The next array is
    /// built on another thread while SQLite inserts the current one.
    /// </summary>
    public static async Task WriteSqliteAsync(SqliteConnection connection, Guid alertId, OutboxRow[] rows, DateTime now, CancellationToken ct)
    {
        // A transaction's dirty pages beyond the cache are spilled to the file before the commit;
        // 64 MB of cache for this connection keeps two indexes' growing right edges in memory.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -65536";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT INTO deliveries ({Columns}) "
            + "SELECT @alert, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'Queued', 0, @now, @now FROM json_each(@rows)";
        insert.Parameters.AddWithValue("@alert", SqliteOutboxStore.Text(alertId));
        insert.Parameters.AddWithValue("@now", now);
        var json = insert.Parameters.Add("@rows", SqliteType.Text);
        await using var openAlert = connection.CreateCommand();
        openAlert.CommandText = OpenAlertSql;
        openAlert.Parameters.AddWithValue("@alert", SqliteOutboxStore.Text(alertId));
        var statements = Channel.CreateBounded<string>(2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(
            async () =>
            {
                var text = new StringBuilder(SqliteRowsPerStatement * 96);
                Exception? failure = null;
                try
                {
                    for (var i = 0; i < rows.Length; i += SqliteRowsPerStatement)
                    {
                        await statements.Writer.WriteAsync(JsonRows(text, rows.AsSpan(i, Math.Min(SqliteRowsPerStatement, rows.Length - i))), stop.Token);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    statements.Writer.Complete(failure);
                }
            },
            CancellationToken.None);
        try
        {
            // Statements never straddle a transaction: SqliteRowsPerTransaction is a multiple of SqliteRowsPerStatement.
            for (var start = 0; start < rows.Length; start += SqliteRowsPerTransaction)
            {
                var end = Math.Min(rows.Length, start + SqliteRowsPerTransaction);
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                insert.Transaction = transaction;
                for (var i = start; i < end; i += SqliteRowsPerStatement)
                {
                    json.Value = await statements.Reader.ReadAsync(ct);
                    await insert.ExecuteNonQueryAsync(ct);
                }

                openAlert.Transaction = transaction;
                await openAlert.ExecuteNonQueryAsync(ct);

                await transaction.CommitAsync(ct);
            }
        }
        finally
        {
            // Ends the producer if the insert failed half-way (it may wait for room in the channel).
            await stop.CancelAsync();
            await producer;
        }
    }

    /// <summary>[["RECIPIENT","channel","address","language",unit|null],…] with Guids as EF writes them on SQLite.</summary>
    internal static string JsonRows(StringBuilder text, ReadOnlySpan<OutboxRow> rows)
    {
        text.Clear().Append('[');
        Span<char> guid = stackalloc char[36];
        foreach (var row in rows)
        {
            row.RecipientId.TryFormat(guid, out _);
            text.Append(text.Length == 1 ? "[\"" : ",[\"");
            foreach (var c in guid)
            {
                text.Append(char.ToUpperInvariant(c));
            }

            text.Append('"');
            AppendString(text.Append(','), row.Channel);
            AppendString(text.Append(','), row.Address);
            AppendString(text.Append(','), row.Language);
            text.Append(',');
            if (row.UnitId is { } unit)
            {
                text.Append(unit.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("null");
            }

            text.Append(']');
        }

        return text.Append(']').ToString();
    }

    private static void AppendString(StringBuilder text, string value)
    {
        // Addresses, channels and languages are plain ASCII in practice; anything else is escaped.
        foreach (var c in value)
        {
            if (c is '"' or '\\' || c < ' ')
            {
                text.Append(JsonSerializer.Serialize(value));
                return;
            }
        }

        text.Append('"').Append(value).Append('"');
    }
}
