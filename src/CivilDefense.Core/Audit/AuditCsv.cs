using System.Globalization;
using System.Text;

namespace CivilDefense.Core.Audit;

/// <summary>
/// Writes audit rows as CSV (RFC 4180) row by row, so the web export and the CLI stream exports of
/// any length without holding them in memory, and both produce the same file.
/// </summary>
public static class AuditCsv
{
    public const string Header = "Id,At,Actor,Action,EntityType,EntityId,UnitId";

    /// <summary>UTF-8 with a BOM, so Excel shows Vietnamese names correctly (as the other exports).</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static async Task<int> WriteAsync(IAsyncEnumerable<AuditRow> rows, TextWriter writer, CancellationToken ct)
    {
        await writer.WriteLineAsync(Header.AsMemory(), ct);
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            var line = string.Join(",",
                row.Id.ToString(CultureInfo.InvariantCulture),
                row.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Escape(row.Actor),
                Escape(row.Action),
                Escape(row.EntityType),
                Escape(row.EntityId),
                row.UnitId?.ToString(CultureInfo.InvariantCulture) ?? "");
            await writer.WriteLineAsync(line.AsMemory(), ct);
            count++;
        }

        await writer.FlushAsync(ct);
        return count;
    }

    private static string Escape(string value)
    {
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
