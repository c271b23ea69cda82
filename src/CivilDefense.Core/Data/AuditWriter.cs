using System.Data.Common;
using System.Globalization;
using System.Text;
using CivilDefense.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CivilDefense.Core.Data;

/// <summary>
/// Writes audit entries with multi-row INSERTs in the save's transaction. Through EF each entry was
/// one more tracked entity and, on SQLite, one more statement: half the cost of a bulk import (a
/// plan of 25,000 assignments writes 50,000 entries). The entries are append-only and nothing reads
/// them back in the same unit of work, so they need no tracking.
/// </summary>
internal static class AuditWriter
{
    private const int RowsPerStatement = 200;

    private static readonly string[] Columns = ["At", "Actor", "ActorUserId", "Action", "EntityType", "EntityId", "UnitId", "UnitPath", "Before", "After"];

    public static async Task InsertAsync(PtdsDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit entries are written inside the save's transaction.");
        for (var start = 0; start < entries.Count; start += RowsPerStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder("INSERT INTO audit_entries (")
                .AppendJoin(", ", Columns.Select(c => $"\"{c}\""))
                .Append(") VALUES ");
            var rows = Math.Min(RowsPerStatement, entries.Count - start);
            for (var i = 0; i < rows; i++)
            {
                var e = entries[start + i];
                sql.Append(i == 0 ? "(" : ", (");
                object?[] values = [e.At, e.Actor, e.ActorUserId, e.Action, e.EntityType, e.EntityId, e.UnitId, e.UnitPath, e.Before, e.After];
                for (var c = 0; c < values.Length; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@a{i}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    Add(command, name, values[c]);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value switch
        {
            null => DBNull.Value,
            DateTime at => DateTime.SpecifyKind(at, DateTimeKind.Utc),
            _ => value,
        };
        command.Parameters.Add(parameter);
    }
}
