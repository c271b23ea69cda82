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
/// Writes observations set-based: one INSERT … ON CONFLICT per chunk instead of one tracked entity
/// per row, which a burst of millions of rows needs. On PostgreSQL the chunk travels as four arrays
/// unnested by the server (one statement, any size); on SQLite as multi-row VALUES within its
/// parameter limit. A conflicting key takes the new value (a correction), see <see cref="Observation"/>.
/// </summary>
public static class ObservationWriter
{
    public const string Table = "monitoring_observations";

    private const int SqliteRowsPerStatement = 500;

    /// <summary>Below this a COPY's set-up costs more than it saves.</summary>
    private const int CopyThreshold = 1000;

    private const string Conflict =
        " ON CONFLICT (\"StationId\", \"ObservedAt\", \"Variable\") DO UPDATE SET \"Value\" = excluded.\"Value\", \"ReceivedAt\" = excluded.\"ReceivedAt\", \"Source\" = excluded.\"Source\"";

    /// <summary>
    /// Writes rows the batch found absent. On PostgreSQL they go by binary COPY, the fastest path in;
    /// if another writer stored one of the keys meanwhile, the COPY fails on the key, is rolled back
    /// to its savepoint and the rows go through the upsert instead, so the outcome is the same.
    /// </summary>
    public static async Task InsertFreshAsync(PtdsDbContext db, IReadOnlyList<Observation> rows, CancellationToken ct)
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
            await using (var writer = await connection.BeginBinaryImportAsync(
                $"COPY {Table} (\"StationId\", \"ObservedAt\", \"Variable\", \"Value\", \"ReceivedAt\", \"Source\") FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var row in rows)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(row.StationId, NpgsqlDbType.Integer, ct);
                    await writer.WriteAsync(DateTime.SpecifyKind(row.ObservedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(row.Variable.ToString(), NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(row.Value, NpgsqlDbType.Double, ct);
                    await writer.WriteAsync(DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc), NpgsqlDbType.TimestampTz, ct);
                    await writer.WriteAsync(row.Source, NpgsqlDbType.Varchar, ct);
                }

                await writer.CompleteAsync(ct);
            }

            await transaction.ReleaseAsync("fresh_observations", ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await transaction.RollbackAsync("fresh_observations", ct);
            await UpsertAsync(db, rows, ct);
        }
    }

    public static async Task UpsertAsync(PtdsDbContext db, IReadOnlyList<Observation> rows, CancellationToken ct)
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

        for (var start = 0; start < rows.Count; start += SqliteRowsPerStatement)
        {
            var count = Math.Min(SqliteRowsPerStatement, rows.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {Table} (\"StationId\", \"ObservedAt\", \"Variable\", \"Value\", \"ReceivedAt\", \"Source\") VALUES ");
            for (var i = 0; i < count; i++)
            {
                var row = rows[start + i];
                var p = string.Create(CultureInfo.InvariantCulture, $"@p{i}_");
                sql.Append(i == 0 ? "(" : ", (").Append(p).Append("s, ").Append(p).Append("t, ").Append(p).Append("v, ").Append(p).Append("x, ").Append(p).Append("r, ").Append(p).Append("c)");
                Add(command, p + "s", row.StationId);
                Add(command, p + "t", row.ObservedAt);
                Add(command, p + "v", row.Variable.ToString());
                Add(command, p + "x", row.Value);
                Add(command, p + "r", row.ReceivedAt);
                Add(command, p + "c", row.Source);
            }

            command.CommandText = sql.Append(Conflict).ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task UpsertPostgresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Observation> rows, CancellationToken ct)
    {
        var stations = new int[rows.Count];
        var times = new DateTime[rows.Count];
        var variables = new string[rows.Count];
        var values = new double[rows.Count];
        var received = new DateTime[rows.Count];
        var sources = new string[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            (stations[i], times[i], variables[i], values[i], received[i], sources[i]) =
                (rows[i].StationId, DateTime.SpecifyKind(rows[i].ObservedAt, DateTimeKind.Utc), rows[i].Variable.ToString(), rows[i].Value, DateTime.SpecifyKind(rows[i].ReceivedAt, DateTimeKind.Utc), rows[i].Source);
        }

        await using var command = (NpgsqlCommand)connection.CreateCommand();
        command.Transaction = (NpgsqlTransaction)transaction;
        command.CommandText = $"INSERT INTO {Table} (\"StationId\", \"ObservedAt\", \"Variable\", \"Value\", \"ReceivedAt\", \"Source\") " +
            "SELECT * FROM unnest(@s, @t, @v, @x, @r, @c)" + Conflict;
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = stations });
        command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times });
        command.Parameters.Add(new NpgsqlParameter("v", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = variables });
        command.Parameters.Add(new NpgsqlParameter("x", NpgsqlDbType.Array | NpgsqlDbType.Double) { Value = values });
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = received });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = sources });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value is DateTime at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : value;
        command.Parameters.Add(parameter);
    }
}
