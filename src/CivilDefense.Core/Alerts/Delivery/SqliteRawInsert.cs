using System.Globalization;
using System.Runtime.CompilerServices;
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
    public static void Write(SqliteConnection connection, string insert, Guid alertId, IReadOnlyList<DeliveryRequest> requests, int[] positions, int start, int count, DateTime now)
    {
        var db = connection.Handle!;
        sqlite3_stmt? many = null;
        sqlite3_stmt? one = null;
        try
        {
            Check(db, raw.sqlite3_prepare_v2(db, insert + Values(RowsPerStatement), out many));
            Check(db, raw.sqlite3_prepare_v2(db, insert + Values(1), out one));
            Span<byte> guid = stackalloc byte[36];
            GuidText(alertId, guid);
            var done = 0;
            var time = now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            foreach (var statement in new[] { many, one })
            {
                Check(db, raw.sqlite3_bind_text(statement, 1, guid));
                Check(db, raw.sqlite3_bind_text(statement, 2, time));
            }

            // The values are prepared on another core, a block ahead (SqliteRowBlocks).
            using var blocks = new SqliteRowBlocks(requests, positions, start, count);
            var pending = 0;
            while (blocks.Next() is { } block)
            {
                for (var row = 0; row < block.Count; row++)
                {
                    // Rows go into the 16-row statement; the last few of all into the one-row one.
                    if (pending == 0 && count - done < RowsPerStatement)
                    {
                        BindRow(db, one, 3, block, row);
                        Step(db, one);
                        done++;
                        continue;
                    }

                    BindRow(db, many, 3 + (pending * ValuesPerRow), block, row);
                    if (++pending == RowsPerStatement)
                    {
                        Step(db, many);
                        (pending, done) = (0, done + RowsPerStatement);
                    }
                }

                blocks.Return(block);
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

    private static void BindRow(sqlite3 db, sqlite3_stmt statement, int first, SqliteRowBlocks.Block block, int row)
    {
        Check(db, raw.sqlite3_bind_text(statement, first, block.Recipient(row)));
        Check(db, raw.sqlite3_bind_text(statement, first + 1, block.Channel(row)));
        Check(db, raw.sqlite3_bind_text(statement, first + 2, block.Address(row)));
        Check(db, raw.sqlite3_bind_text(statement, first + 3, block.Language(row)));
        Check(db, block.Unit(row) is { } unit ? raw.sqlite3_bind_int(statement, first + 4, unit) : raw.sqlite3_bind_null(statement, first + 4));
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

    private static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), code);
        }
    }
}
