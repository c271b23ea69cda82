using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// Outbox rows inserted through SQLite's C API on an open connection (inside the caller's
/// transaction): prepare once, then bind, step and reset per row. Text is bound as UTF-8 from
/// stack buffers in the forms EF writes on SQLite: Guids upper-case, times "yyyy-MM-dd HH:mm:ss.FFFFFFF".
/// </summary>
internal static class SqliteRawInsert
{
    /// <param name="sql">Parameters ?1 alert, ?2 recipient, ?3 channel, ?4 address, ?5 language, ?6 unit, ?7 time.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // cold when it matters: see OutboxOrder.Of
    public static void Write(SqliteConnection connection, string sql, Guid alertId, IReadOnlyList<DeliveryRequest> requests, ReadOnlySpan<int> positions, DateTime now)
    {
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        try
        {
            Span<byte> guid = stackalloc byte[36];
            Span<byte> text = stackalloc byte[2048];
            GuidText(alertId, guid);
            Check(db, raw.sqlite3_bind_text(statement, 1, guid));
            Check(db, raw.sqlite3_bind_text(statement, 7, now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)));
            foreach (var position in positions)
            {
                var row = requests[position];
                GuidText(row.RecipientId, guid);
                Check(db, raw.sqlite3_bind_text(statement, 2, guid));
                BindText(db, statement, 3, row.Channel, text);
                BindText(db, statement, 4, row.Address, text);
                BindText(db, statement, 5, row.Language, text);
                Check(db, row.UnitId is { } unit ? raw.sqlite3_bind_int(statement, 6, unit) : raw.sqlite3_bind_null(statement, 6));
                var step = raw.sqlite3_step(statement);
                if (step != raw.SQLITE_DONE)
                {
                    Check(db, step);
                }

                Check(db, raw.sqlite3_reset(statement));
            }
        }
        finally
        {
            statement.Dispose();
        }
    }

    private static void GuidText(Guid id, Span<byte> into)
    {
        Span<char> chars = stackalloc char[36];
        id.TryFormat(chars, out _);
        for (var i = 0; i < 36; i++)
        {
            into[i] = (byte)char.ToUpperInvariant(chars[i]);
        }
    }

    private static void BindText(sqlite3 db, sqlite3_stmt statement, int index, string value, Span<byte> buffer)
    {
        // Channels, addresses and languages are at most 500 characters (validated): 2,048 bytes hold any of them.
        var length = Encoding.UTF8.GetBytes(value, buffer);
        Check(db, raw.sqlite3_bind_text(statement, index, buffer[..length]));
    }

    private static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code);
        }
    }
}
