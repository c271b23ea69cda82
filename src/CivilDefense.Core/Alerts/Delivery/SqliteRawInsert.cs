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
    /// <summary>Rows per multi-row INSERT: one step and reset per 16 rows instead of per row.</summary>
    private const int RowsPerStatement = 16;

    /// <summary>Values bound per row (recipient, channel, address, language, unit) after the two bound once (alert, time).</summary>
    private const int ValuesPerRow = 5;

    /// <param name="insert">The INSERT up to its VALUES; each row's values are (?1 alert, recipient, channel, address, language, unit, 'Queued', 0, ?2 time, ?2 time).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // cold when it matters: see OutboxOrder.Of
    public static void Write(SqliteConnection connection, string insert, Guid alertId, IReadOnlyList<DeliveryRequest> requests, ReadOnlySpan<int> positions, DateTime now)
    {
        var db = connection.Handle!;
        sqlite3_stmt? many = null;
        sqlite3_stmt? one = null;
        try
        {
            Check(db, raw.sqlite3_prepare_v2(db, insert + Values(RowsPerStatement), out many));
            Check(db, raw.sqlite3_prepare_v2(db, insert + Values(1), out one));
            Span<byte> guid = stackalloc byte[36];
            Span<byte> text = stackalloc byte[2048];
            GuidText(alertId, guid);
            var time = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            foreach (var statement in new[] { many, one })
            {
                Check(db, raw.sqlite3_bind_text(statement, 1, guid));
                Check(db, raw.sqlite3_bind_text(statement, 2, time));
            }

            var block = new DeliveryRequest[256];
            for (var start = 0; start < positions.Length; start += block.Length)
            {
                var length = Math.Min(block.Length, positions.Length - start);
                OutboxOrder.Gather(requests, positions.Slice(start, length), block);
                var i = 0;
                for (; i + RowsPerStatement <= length; i += RowsPerStatement)
                {
                    for (var r = 0; r < RowsPerStatement; r++)
                    {
                        BindRow(db, many, 3 + (r * ValuesPerRow), block[i + r], guid, text);
                    }

                    Step(db, many);
                }

                for (; i < length; i++)
                {
                    BindRow(db, one, 3, block[i], guid, text);
                    Step(db, one);
                }
            }
        }
        finally
        {
            many?.Dispose();
            one?.Dispose();
        }
    }

    private static string Values(int rows) =>
        " VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
        {
            var first = 3 + (r * ValuesPerRow);
            return $"(?1, ?{first}, ?{first + 1}, ?{first + 2}, ?{first + 3}, ?{first + 4}, 'Queued', 0, ?2, ?2)";
        }));

    private static void BindRow(sqlite3 db, sqlite3_stmt statement, int first, DeliveryRequest row, Span<byte> guid, Span<byte> text)
    {
        GuidText(row.RecipientId, guid);
        Check(db, raw.sqlite3_bind_text(statement, first, guid));
        BindText(db, statement, first + 1, row.Channel, text);
        BindText(db, statement, first + 2, row.Address, text);
        BindText(db, statement, first + 3, row.Language, text);
        Check(db, row.UnitId is { } unit ? raw.sqlite3_bind_int(statement, first + 4, unit) : raw.sqlite3_bind_null(statement, first + 4));
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        var step = raw.sqlite3_step(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(db, step);
        }

        Check(db, raw.sqlite3_reset(statement));
    }

    /// <summary>The Guid as EF writes it on SQLite: 36 characters, upper case.</summary>
    private static void GuidText(Guid id, Span<byte> into)
    {
        id.TryFormat(into, out _, "D");
        System.Text.Ascii.ToUpperInPlace(into, out _);
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
