using System.Data.Common;
using System.Globalization;
using System.Text;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// Items of a checked batch to write: their positions in <see cref="Batch"/>, the station id of each
/// of the batch's codes (<see cref="ObservationColumns.Codes"/>), and what every row records of its arrival.
/// </summary>
public sealed record ObservationRows(ObservationColumns Batch, IReadOnlyList<int> StationIdOfCode, IReadOnlyList<int> Indices, DateTime ReceivedAt, string Source)
{
    public int Count => Indices.Count;

    public int StationId(int row) => StationIdOfCode[Batch.CodeOf(Indices[row])];

    public DateTime ObservedAt(int row) => DateTime.SpecifyKind(Batch.At(Indices[row]), DateTimeKind.Utc);

    public StationVariable Variable(int row) => Batch.Variable(Indices[row]);

    public double Value(int row) => Batch.Value(Indices[row]);

    public ObservationRows Only(IReadOnlyList<int> indices) => this with { Indices = indices };
}

/// <summary>
/// Writes observations set-based, from the batch's columns: no entity per row and no change
/// tracker, which a burst of millions of rows needs. New rows go to PostgreSQL by binary COPY,
/// written byte by byte into a buffer (<see cref="PgCopyBuffer"/>); corrections travel as six
/// arrays unnested by the server in one INSERT … ON CONFLICT; on SQLite as multi-row VALUES within
/// its parameter limit. A conflicting key takes the new value (a correction), see <see cref="Observation"/>.
/// </summary>
public static class ObservationWriter
{
    public const string Table = "monitoring_observations";

    private const string Columns = "\"StationId\", \"ObservedAt\", \"Variable\", \"Value\", \"ReceivedAt\", \"Source\"";

    private const int SqliteRowsPerStatement = 500;

    /// <summary>Below this a COPY's set-up costs more than it saves.</summary>
    private const int CopyThreshold = 1000;

    /// <summary>The COPY buffer is sent when it holds this much; a row is about 80 bytes.</summary>
    private const int CopyChunkBytes = 1 << 20;

    private static readonly byte[][] VariableNames = [.. Enum.GetNames<StationVariable>().Select(Encoding.UTF8.GetBytes)];

    private const string Conflict =
        " ON CONFLICT (\"StationId\", \"ObservedAt\", \"Variable\") DO UPDATE SET \"Value\" = excluded.\"Value\", \"ReceivedAt\" = excluded.\"ReceivedAt\", \"Source\" = excluded.\"Source\"";

    /// <summary>
    /// Writes rows the batch found absent. On PostgreSQL they go by binary COPY, the fastest path in;
    /// if another writer stored one of the keys meanwhile, the COPY fails on the key, is rolled back
    /// to its savepoint and the rows go through the upsert instead, so the outcome is the same.
    /// </summary>
    public static async Task InsertFreshAsync(PtdsDbContext db, ObservationRows rows, CancellationToken ct)
    {
        if (rows.Count < CopyThreshold || db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            await UpsertAsync(db, rows, ct);
            return;
        }

        var transaction = (NpgsqlTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Observations are written inside the ingest's transaction."));
        await transaction.SaveAsync("fresh_observations", ct);
        try
        {
            await CopyAsync(connection, rows, ct);
            await transaction.ReleaseAsync("fresh_observations", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("fresh_observations", ct);
            await UpsertAsync(db, rows, ct);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, ObservationRows rows, CancellationToken ct)
    {
        var source = Encoding.UTF8.GetBytes(rows.Source);
        var received = PgCopyBuffer.Microseconds(DateTime.SpecifyKind(rows.ReceivedAt, DateTimeKind.Utc));
        var buffer = new PgCopyBuffer(CopyChunkBytes + 4096);
        await using var copy = await connection.BeginRawBinaryCopyAsync($"COPY {Table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        buffer.Header();
        for (var i = 0; i < rows.Count; i++)
        {
            buffer.Row(6);
            buffer.Int32(rows.StationId(i));
            buffer.TimestampMicroseconds(PgCopyBuffer.Microseconds(rows.ObservedAt(i)));
            buffer.Text(VariableNames[(int)rows.Variable(i)]);
            buffer.Double(rows.Value(i));
            buffer.TimestampMicroseconds(received);
            buffer.Text(source);
            if (buffer.Length >= CopyChunkBytes)
            {
                await copy.WriteAsync(buffer.Written, ct);
                buffer.Clear();
            }
        }

        buffer.Trailer();
        await copy.WriteAsync(buffer.Written, ct);
    }

    public static async Task UpsertAsync(PtdsDbContext db, ObservationRows rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Observations are written inside the ingest's transaction.");
        if (connection is NpgsqlConnection)
        {
            await UpsertPostgresAsync(connection, transaction, rows, ct);
            return;
        }

        var received = DateTime.SpecifyKind(rows.ReceivedAt, DateTimeKind.Utc);
        for (var start = 0; start < rows.Count; start += SqliteRowsPerStatement)
        {
            var count = Math.Min(SqliteRowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {Table} ({Columns}) VALUES ");
            for (var i = 0; i < count; i++)
            {
                var row = start + i;
                var p = string.Create(CultureInfo.InvariantCulture, $"@p{i}_");
                sql.Append(i == 0 ? "(" : ", (").Append(p).Append("s, ").Append(p).Append("t, ").Append(p).Append("v, ").Append(p).Append("x, ").Append(p).Append("r, ").Append(p).Append("c)");
                Add(command, p + "s", rows.StationId(row));
                Add(command, p + "t", rows.ObservedAt(row));
                Add(command, p + "v", rows.Variable(row).ToString());
                Add(command, p + "x", rows.Value(row));
                Add(command, p + "r", received);
                Add(command, p + "c", rows.Source);
            }

            command.CommandText = sql.Append(Conflict).ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task UpsertPostgresAsync(DbConnection connection, DbTransaction transaction, ObservationRows rows, CancellationToken ct)
    {
        var stations = new int[rows.Count];
        var times = new DateTime[rows.Count];
        var variables = new string[rows.Count];
        var values = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            (stations[i], times[i], variables[i], values[i]) = (rows.StationId(i), rows.ObservedAt(i), rows.Variable(i).ToString(), rows.Value(i));
        }

        await using var command = (NpgsqlCommand)connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        command.CommandText = $"INSERT INTO {Table} ({Columns}) SELECT s, t, v, x, @r, @c FROM unnest(@s, @t, @v, @x) AS u(s, t, v, x)" + Conflict;
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = stations });
        command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times });
        command.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = variables });
        command.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = values });
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.TimestampTz) { Value = DateTime.SpecifyKind(rows.ReceivedAt, DateTimeKind.Utc) });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Varchar) { Value = rows.Source });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
