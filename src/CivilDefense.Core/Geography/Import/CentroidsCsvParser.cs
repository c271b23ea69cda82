namespace CivilDefense.Core.Geography.Import;

/// <summary>The area-weighted centroid of a unit (it may fall outside a concave unit: use the boundary's interior point then).</summary>
public sealed record CentroidRow(string Code, string? Name, double Lon, double Lat);

/// <summary>Reads <c>code, name, lon, lat</c> (WGS84 degrees).</summary>
public static class CentroidsCsvParser
{
    private static readonly string[] Required = ["code", "lon", "lat"];

    public static ParseResult<CentroidRow> Parse(Stream stream)
    {
        using var reader = ImportInput.Reader(stream);
        return Parse(reader);
    }

    public static ParseResult<CentroidRow> Parse(TextReader reader)
    {
        var errors = new List<ImportError>();
        var table = CsvTable.Read(reader, Required, errors);
        if (table is null)
        {
            return ParseResult<CentroidRow>.From([], errors);
        }

        var rows = new List<CentroidRow>();
        foreach (var r in table.Rows)
        {
            var before = errors.Count;
            var code = r.Required("code", errors);
            var lon = r.Number("lon", errors, nonNegative: false);
            var lat = r.Number("lat", errors, nonNegative: false);
            if (lon is < -180 or > 180)
            {
                errors.Add(new ImportError(r.Line, "lon", "outside -180..180"));
            }

            if (lat is < -90 or > 90)
            {
                errors.Add(new ImportError(r.Line, "lat", "outside -90..90"));
            }

            if (lon is null && r["lon"] is null)
            {
                errors.Add(new ImportError(r.Line, "lon", "required"));
            }

            if (lat is null && r["lat"] is null)
            {
                errors.Add(new ImportError(r.Line, "lat", "required"));
            }

            if (errors.Count == before)
            {
                rows.Add(new CentroidRow(code!, r["name"], lon!.Value, lat!.Value));
            }
        }

        return ParseResult<CentroidRow>.From(rows, errors);
    }
}
