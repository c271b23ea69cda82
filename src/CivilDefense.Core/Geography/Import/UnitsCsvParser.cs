namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// Reads units from CSV: <c>code,parent_code,kind,name,name_en,full_name,full_name_en,population,
/// households,area_km2,valid_from,valid_to</c>; only code, kind and name are required. Kinds are
/// Vietnamese names ("Tỉnh", "Xã") or the <see cref="UnitKind"/> names.
/// </summary>
public static class UnitsCsvParser
{
    private static readonly string[] Required = ["code", "kind", "name"];

    public static ParseResult<UnitRow> Parse(Stream stream, IReadOnlyCollection<string>? knownCodes = null)
    {
        using var reader = ImportInput.Reader(stream);
        return Parse(reader, knownCodes);
    }

    public static ParseResult<UnitRow> Parse(TextReader reader, IReadOnlyCollection<string>? knownCodes = null)
    {
        var errors = new List<ImportError>();
        var table = CsvTable.Read(reader, Required, errors);
        if (table is null)
        {
            return ParseResult<UnitRow>.From([], errors);
        }

        var rows = new List<(int, UnitRow)>();
        foreach (var r in table.Rows)
        {
            var before = errors.Count;
            var code = r.Required("code", errors);
            var name = r.Required("name", errors);
            var kindText = r.Required("kind", errors);
            var kind = default(UnitKind);
            if (kindText is not null && !UnitKindNames.TryParse(kindText, out kind))
            {
                errors.Add(new ImportError(r.Line, "kind", $"unknown unit kind '{kindText}'"));
            }

            var population = r.Integer("population", errors);
            var households = r.Integer("households", errors);
            var area = r.Number("area_km2", errors);
            var from = r.Date("valid_from", errors);
            var to = r.Date("valid_to", errors);
            if (from is not null && to is not null && to < from)
            {
                errors.Add(new ImportError(r.Line, "valid_to", "ends before it starts"));
            }

            if (errors.Count == before)
            {
                rows.Add((r.Line, new UnitRow(code!, r["parent_code"], kind, name!, r["name_en"], r["full_name"] ?? name!, r["full_name_en"],
                    population, households, area, from, to)));
            }
        }

        UnitRowChecks.Check(rows, knownCodes, "line", errors);
        return ParseResult<UnitRow>.From(rows.Select(r => r.Item2).ToList(), errors);
    }
}
