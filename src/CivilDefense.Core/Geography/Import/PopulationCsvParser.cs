namespace CivilDefense.Core.Geography.Import;

/// <summary>Population of one unit for one year, and its official area when the file gives it.</summary>
public sealed record PopulationRow(string Code, string? Name, int Population, double? AreaKm2);

/// <summary>
/// Reads the population file (<c>code, name, population_2019_equal_split,
/// population_2019_area_balanced, area_km2, old_units</c>). The area-balanced column is used: it
/// splits the 21 divided old communes by area evidence, which the data README judges closer.
/// </summary>
public static class PopulationCsvParser
{
    public const string PopulationColumn = "population_2019_area_balanced";

    private static readonly string[] Required = ["code", PopulationColumn];

    public static ParseResult<PopulationRow> Parse(Stream stream)
    {
        using var reader = ImportInput.Reader(stream);
        return Parse(reader);
    }

    public static ParseResult<PopulationRow> Parse(TextReader reader)
    {
        var errors = new List<ImportError>();
        var table = CsvTable.Read(reader, Required, errors);
        if (table is null)
        {
            return ParseResult<PopulationRow>.From([], errors);
        }

        var rows = new List<PopulationRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            var before = errors.Count;
            var code = r.Required("code", errors);
            var population = r.Integer(PopulationColumn, errors);
            if (population is null && r[PopulationColumn] is null)
            {
                errors.Add(new ImportError(r.Line, PopulationColumn, "required"));
            }

            var area = r.Number("area_km2", errors);
            if (code is not null && !seen.Add(code))
            {
                errors.Add(new ImportError(r.Line, "code", $"duplicate code {code}"));
            }

            if (errors.Count == before)
            {
                rows.Add(new PopulationRow(code!, r["name"], population!.Value, area));
            }
        }

        return ParseResult<PopulationRow>.From(rows, errors);
    }
}
