using System.Globalization;
using System.Text;
using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Monitoring;

/// <summary>One station of the shared station list, with its alarm levels (null where unknown).</summary>
public sealed record StationRow(
    string Name, string? River, double Lon, double Lat, string? CoordinateQuality, string? CoordinateSource, string WardCode,
    double? Bd1, double? Bd2, double? Bd3, string? AlarmSource);

/// <summary>
/// Reads the station list (<c>station, river, lon, lat, coord_quality, coord_source,
/// ward_code_post2025, bd1_m, bd2_m, bd3_m, alarm_level_source_note</c>), all rows or all errors.
/// </summary>
public static class StationsCsvParser
{
    private static readonly string[] Required = ["station", "lon", "lat", "ward_code_post2025", "bd1_m", "bd2_m", "bd3_m"];

    public static ParseResult<StationRow> Parse(Stream stream)
    {
        using var reader = ImportInput.Reader(stream);
        var errors = new List<ImportError>();
        var table = CsvTable.Read(reader, Required, errors);
        if (table is null)
        {
            return ParseResult<StationRow>.From([], errors);
        }

        var rows = new List<StationRow>();
        foreach (var r in table.Rows)
        {
            var before = errors.Count;
            var name = r.Required("station", errors);
            var lon = r.Number("lon", errors, nonNegative: false) ?? (r["lon"] is null ? Missing(r.Line, "lon", errors) : null);
            var lat = r.Number("lat", errors, nonNegative: false) ?? (r["lat"] is null ? Missing(r.Line, "lat", errors) : null);
            var ward = r.Required("ward_code_post2025", errors);
            var (bd1, bd2, bd3) = (r.Number("bd1_m", errors), r.Number("bd2_m", errors), r.Number("bd3_m", errors));
            if (bd1 > bd2 || bd2 > bd3 || bd1 > bd3)
            {
                errors.Add(new ImportError(r.Line, "bd1_m", "alarm levels must rise from BĐ1 to BĐ3"));
            }

            if (errors.Count == before)
            {
                rows.Add(new StationRow(name!, r["river"], lon!.Value, lat!.Value, r["coord_quality"], r["coord_source"], ward!, bd1, bd2, bd3, r["alarm_level_source_note"]));
            }
        }

        return ParseResult<StationRow>.From(rows, errors);
    }

    /// <summary>A station code from its name: "Mộc Hóa" → "MOC-HOA".</summary>
    public static string CodeOf(string name)
    {
        var plain = name.Replace('Đ', 'D').Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var code = new StringBuilder();
        foreach (var c in plain)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            code.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '-');
        }

        return code.ToString().Trim('-');
    }

    private static double? Missing(int line, string field, List<ImportError> errors)
    {
        errors.Add(new ImportError(line, field, "required"));
        return null;
    }
}
