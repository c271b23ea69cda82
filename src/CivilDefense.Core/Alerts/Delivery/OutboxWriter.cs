using System.Runtime.CompilerServices;
using System.Text;
using CivilDefense.Core.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CivilDefense.Core.Alerts.Delivery;

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

    private const int SqliteRowsPerTransaction = 250_000;

    private const string Columns = "\"AlertId\", \"RecipientId\", \"Channel\", \"Address\", \"Language\", \"UnitId\", \"State\", \"Attempts\", \"QueuedAt\", \"NextAttemptAt\"";

    /// <summary>
    /// PostgreSQL: binary COPY straight into each row's partition (<see cref="OutboxPartitions"/>),
    /// one transaction per batch; <paramref name="writers"/> connections at once, each with
    /// partitions of its own, so no two write the same heap or index (two connections into one
    /// table took as long as one: they waited for the same relation extension and last index pages).
    /// </summary>
    public static async Task WritePostgresAsync(NpgsqlConnection connection, string connectionString, Guid alertId, IReadOnlyList<DeliveryRequest> requests, OutboxOrder order, DateTime now, int writers, CancellationToken ct)
    {
        var starts = order.PartitionStarts;

        // One connection for a single batch's worth; otherwise up to one per partition.
        var count = order.Count > RowsPerTransaction ? Math.Clamp(writers, 1, OutboxPartitions.Count) : 1;
        async Task WritePartitionsAsync(NpgsqlConnection writer, int first)
        {
            for (var p = first; p < OutboxPartitions.Count; p += count)
            {
                for (var start = starts[p]; start < starts[p + 1]; start += RowsPerTransaction)
                {
                    await CopyAsync(writer, p, alertId, requests, order.Positions.AsMemory(start, Math.Min(RowsPerTransaction, starts[p + 1] - start)), now, ct);
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

    private static async Task CopyAsync(NpgsqlConnection connection, int partition, Guid alertId, IReadOnlyList<DeliveryRequest> requests, ReadOnlyMemory<int> positions, DateTime now, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var copy = await connection.BeginRawBinaryCopyAsync($"COPY {OutboxPartitions.Table(partition)} ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            // The binary COPY format written directly: NpgsqlBinaryImporter binds a parameter per
            // field, which cost the client more CPU than the server spent storing the row.
            var buffer = new PgCopyBuffer(1 << 20);
            buffer.Header();
            for (var done = 0; done < positions.Length;)
            {
                done = Fill(buffer, alertId, requests, positions.Span, done, PgCopyBuffer.Microseconds(now));
                if (done < positions.Length)
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

    private static readonly byte[] Queued = Encoding.UTF8.GetBytes(nameof(DeliveryState.Queued));

    /// <summary>
    /// Outbox rows in the order of <see cref="Columns"/> from <paramref name="from"/> until the
    /// buffer is nearly full; returns where it stopped. A new delivery is queued, never attempted.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // cold when it matters: see OutboxOrder.Of
    private static int Fill(PgCopyBuffer buffer, Guid alertId, IReadOnlyList<DeliveryRequest> requests, ReadOnlySpan<int> positions, int from, long now)
    {
        var block = new DeliveryRequest[256];
        var i = from;
        var fetched = 0;
        for (; i < positions.Length && buffer.Length < (1 << 20) - 4096; i++)
        {
            if ((i - from) % block.Length == 0)
            {
                fetched = i;
                Gather(requests, positions.Slice(i, Math.Min(block.Length, positions.Length - i)), block);
            }

            var row = block[i - fetched];
            buffer.Row(10);
            buffer.Uuid(alertId);
            buffer.Uuid(row.RecipientId);
            buffer.Text(row.Channel);
            buffer.Text(row.Address);
            buffer.Text(row.Language);
            if (row.UnitId is { } unit)
            {
                buffer.Int32(unit);
            }
            else
            {
                buffer.Null();
            }

            buffer.Text(Queued);
            buffer.Int32(0);
            buffer.TimestampMicroseconds(now);
            buffer.TimestampMicroseconds(now);
        }

        return i;
    }

    /// <summary>
    /// The requests at these positions, with their addresses touched, fetched in one tight loop
    /// before they are written: in key order each request is a random place in memory, and loads
    /// that do not wait for each other overlap their cache misses, where one row written after
    /// another waited for each miss in turn.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Gather(IReadOnlyList<DeliveryRequest> requests, ReadOnlySpan<int> positions, DeliveryRequest[] into)
    {
        var touched = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            var request = requests[positions[i]];
            into[i] = request;
            touched += request.Address.Length;
        }

        return touched;
    }

    /// <summary>
    /// SQLite: one prepared INSERT stepped per row through SQLite's own API (the connection's
    /// handle), values bound as UTF-8 bytes from stack buffers, 250,000 rows per transaction (each
    /// commit of the rollback journal costs several fsyncs). Microsoft.Data.Sqlite binds every
    /// parameter by name through a linear scan, and the JSON array of the second round was parsed
    /// once per extracted field; a bound row costs neither.
    /// </summary>
    public static async Task WriteSqliteAsync(SqliteConnection connection, Guid alertId, IReadOnlyList<DeliveryRequest> requests, int[] positions, DateTime now, CancellationToken ct)
    {
        // A transaction's dirty pages beyond the cache are spilled to the file before the commit;
        // 64 MB of cache for this connection keeps the growing right edge of the table in memory.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -65536";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var openAlert = connection.CreateCommand();
        openAlert.CommandText = OpenAlertSql;
        openAlert.Parameters.AddWithValue("@alert", SqliteOutboxStore.Text(alertId));
        for (var start = 0; start < positions.Length; start += SqliteRowsPerTransaction)
        {
            ct.ThrowIfCancellationRequested();
            var end = Math.Min(positions.Length, start + SqliteRowsPerTransaction);
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            SqliteRawInsert.Write(connection, $"INSERT INTO deliveries ({Columns})", alertId, requests, positions, start, end - start, now);
            openAlert.Transaction = transaction;
            await openAlert.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }
}
