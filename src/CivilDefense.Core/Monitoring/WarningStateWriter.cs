using System.Globalization;
using System.Text;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// Stores the hysteresis memory with one multi-row upsert. It is written directly, like a token's
/// last use: a cache derived from the observations (audited per batch) that changes on every batch
/// for every station, so an audit entry per change would be noise. The drafts it causes are audited.
/// </summary>
internal static class WarningStateWriter
{
    private const int RowsPerStatement = 500;

    public static async Task UpsertAsync(PtdsDbContext db, IReadOnlyList<StationWarningState> states, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Warning states are written inside the ingest's transaction.");
        for (var start = 0; start < states.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, states.Count - start);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO monitoring_warning_states (\"StationId\", \"ArmedLevel\", \"BelowSince\", \"LastLevel\", \"LastEvaluatedAt\") VALUES ");
            for (var i = 0; i < count; i++)
            {
                var s = states[start + i];
                object?[] values = [s.StationId, s.ArmedLevel, s.BelowSince, s.LastLevel, s.LastEvaluatedAt];
                sql.Append(i == 0 ? "(" : ", (");
                for (var c = 0; c < values.Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@w{i}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = values[c] switch
                    {
                        null => DBNull.Value,
                        DateTime at => DateTime.SpecifyKind(at, DateTimeKind.Utc),
                        var v => v,
                    };
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            command.CommandText = sql.Append(" ON CONFLICT (\"StationId\") DO UPDATE SET \"ArmedLevel\" = excluded.\"ArmedLevel\", \"BelowSince\" = excluded.\"BelowSince\", \"LastLevel\" = excluded.\"LastLevel\", \"LastEvaluatedAt\" = excluded.\"LastEvaluatedAt\"").ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
