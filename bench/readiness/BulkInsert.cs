using System.Data.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace CivilDefense.Bench.Readiness;

/// <summary>
/// Writes generated entities in one transaction, columns and value conversions taken from the EF
/// model: binary COPY on PostgreSQL, one prepared INSERT re-bound per row on SQLite (the fastest
/// way into SQLite; huge multi-row statements are slower there). Bench code only: it bypasses
/// the write guard and the audit trail, which at a million rows would measure the seeding, not
/// the readiness queries. Ids are given by the caller so children (force skills) can point at
/// their parents.
/// </summary>
internal sealed class BulkInsert(PtdsDbContext db, DbTransaction transaction)
{
    public async Task InsertAsync<T>(IReadOnlyList<T> rows)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.PropertyInfo is not null).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(store)}\""));

        if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
        {
            await using var importer = await postgres.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                foreach (var column in columns)
                {
                    if (ToProvider(column, row) is { } value)
                    {
                        await importer.WriteAsync(value, TypeOf(value));
                    }
                    else
                    {
                        await importer.WriteNullAsync();
                    }
                }
            }

            await importer.CompleteAsync();
            return;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ToProvider(columns[i], row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>PostgreSQL identities do not move past explicit ids: set them past the largest.</summary>
    public async Task ResetIdentityAsync<T>()
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), (SELECT max(\"Id\") FROM \"{table}\"))";
        await command.ExecuteNonQueryAsync();
    }

    private static object? ToProvider(IProperty column, object row)
    {
        var value = column.PropertyInfo!.GetValue(row);
        var converter = column.GetValueConverter() ?? column.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    private static NpgsqlDbType TypeOf(object value) => value switch
    {
        string => NpgsqlDbType.Varchar,
        int => NpgsqlDbType.Integer,
        double => NpgsqlDbType.Double,
        bool => NpgsqlDbType.Boolean,
        DateOnly => NpgsqlDbType.Date,
        DateTime => NpgsqlDbType.TimestampTz,
        _ => throw new NotSupportedException($"No COPY type for {value.GetType().Name}."),
    };
}
