using System.Text.Json;

namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// One old unit carried (wholly or partly) into one new unit on 1/7/2025. <see cref="Level"/> is
/// 1 for provinces and 3 for communes (<see cref="UnitLevels"/>). Province codes are filled where
/// the file says them: old province from splits.json, new province from both files.
/// </summary>
public sealed record SuccessionRow(
    int Level,
    string OldCode,
    string? OldName,
    string? OldProvinceCode,
    string NewCode,
    string? NewName,
    string? NewProvinceCode,
    bool IsPartial,
    string? Note = null);

/// <summary>A known error of the upstream mapping and its fix.</summary>
public sealed record MappingCorrection(string OldCode, string WrongNewCode, string NewCode, string NewName, string Note);

/// <summary>
/// Reads the dvhcvn/20250701 mapping files: <c>splits.json</c> (old province → its old communes
/// (<c>level3s</c>) → new commune(s)) and <c>merges.json</c> (new province → new communes
/// (<c>level2s</c>) → old communes, each <c>full</c> or <c>partial</c>). Which one is detected from
/// the content. In splits an old commune with several successors is partial in each. Known
/// upstream errors are corrected and the rows say so in <see cref="SuccessionRow.Note"/>.
/// Records are numbered in document order (province, then its communes).
/// </summary>
public static class SuccessionMappingParser
{
    public static IReadOnlyList<MappingCorrection> Corrections { get; } =
    [
        new("27739", "27736", "27721", "Xã Tân Hưng",
            "Corrected: upstream maps old Xã Vĩnh Thạnh (27739, Tân Hưng district) to new Xã Vĩnh Thạnh (27736); "
            + "per item 3 of resolution 1682/NQ-UBTVQH15 it belongs to new Xã Tân Hưng (27721)."),
    ];

    public static ParseResult<SuccessionRow> Parse(Stream stream)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ImportInput.Decompress(stream));
        }
        catch (JsonException ex)
        {
            return ParseResult<SuccessionRow>.Failed(new ImportError((int)(ex.LineNumber ?? 0) + 1, "json", ex.Message.Split(" Path:")[0]));
        }

        using (document)
        {
            if (!document.RootElement.TryGetPropertyValue("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                return ParseResult<SuccessionRow>.Failed(new ImportError(1, "data", "expected an object with a data list", "record"));
            }

            var errors = new List<ImportError>();
            var rows = new List<SuccessionRow>();
            var record = 0;
            foreach (var province in data.EnumerateArray())
            {
                var provinceRecord = ++record;
                var provinceCode = Text(province, "level1_id");
                if (provinceCode is null)
                {
                    errors.Add(new ImportError(provinceRecord, "level1_id", "missing province code", "record"));
                    continue;
                }

                if (province.TryGetPropertyValue("level3s", out var oldCommunes))
                {
                    ReadSplits(province, provinceCode, oldCommunes, ref record, provinceRecord, rows, errors);
                }
                else if (province.TryGetPropertyValue("level2s", out var newCommunes))
                {
                    ReadMerges(province, provinceCode, newCommunes, ref record, provinceRecord, rows, errors);
                }
                else
                {
                    errors.Add(new ImportError(provinceRecord, "level3s", "expected level3s (splits) or level2s (merges)", "record"));
                }
            }

            foreach (var duplicate in rows.GroupBy(r => (r.Level, r.OldCode, r.NewCode)).Where(g => g.Count() > 1))
            {
                errors.Add(new ImportError(0, "old_id", $"the pair {duplicate.Key.OldCode} → {duplicate.Key.NewCode} appears {duplicate.Count()} times", "record"));
            }

            return ParseResult<SuccessionRow>.From(rows, errors);
        }
    }

    private static void ReadSplits(JsonElement province, string oldProvince, JsonElement communes, ref int record, int provinceRecord, List<SuccessionRow> rows, List<ImportError> errors)
    {
        var provinceSuccessors = Targets(province, "splits", "new_id", provinceRecord, errors);
        var newProvince = provinceSuccessors.Count == 1 ? provinceSuccessors[0].Code : null;
        foreach (var (code, name) in provinceSuccessors)
        {
            rows.Add(new SuccessionRow(1, oldProvince, Text(province, "name"), null, code, name, null, provinceSuccessors.Count > 1));
        }

        foreach (var commune in communes.EnumerateArray())
        {
            var number = ++record;
            var oldCode = Text(commune, "level3_id");
            if (oldCode is null)
            {
                errors.Add(new ImportError(number, "level3_id", "missing old commune code", "record"));
                continue;
            }

            var successors = Targets(commune, "splits", "new_id", number, errors);
            foreach (var (code, name) in successors)
            {
                rows.Add(Correct(new SuccessionRow(3, oldCode, Text(commune, "name"), oldProvince, code, name, newProvince, successors.Count > 1)));
            }
        }
    }

    private static void ReadMerges(JsonElement province, string newProvince, JsonElement communes, ref int record, int provinceRecord, List<SuccessionRow> rows, List<ImportError> errors)
    {
        foreach (var (code, name, partial) in Sources(province, provinceRecord, errors))
        {
            rows.Add(new SuccessionRow(1, code, name, null, newProvince, Text(province, "name"), null, partial));
        }

        foreach (var commune in communes.EnumerateArray())
        {
            var number = ++record;
            var newCode = Text(commune, "level2_id");
            if (newCode is null)
            {
                errors.Add(new ImportError(number, "level2_id", "missing new commune code", "record"));
                continue;
            }

            foreach (var (code, name, partial) in Sources(commune, number, errors))
            {
                rows.Add(Correct(new SuccessionRow(3, code, name, null, newCode, Text(commune, "name"), newProvince, partial)));
            }
        }
    }

    private static SuccessionRow Correct(SuccessionRow row)
    {
        var fix = Corrections.FirstOrDefault(c => c.OldCode == row.OldCode && c.WrongNewCode == row.NewCode);
        return fix is null ? row : row with { NewCode = fix.NewCode, NewName = fix.NewName, Note = fix.Note };
    }

    private static List<(string Code, string? Name)> Targets(JsonElement e, string property, string idProperty, int number, List<ImportError> errors)
    {
        var list = new List<(string, string?)>();
        if (!e.TryGetPropertyValue(property, out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(new ImportError(number, property, "expected a non-empty list", "record"));
            return list;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (Text(item, idProperty) is { } code)
            {
                list.Add((code, Text(item, "name")));
            }
            else
            {
                errors.Add(new ImportError(number, idProperty, "missing code", "record"));
            }
        }

        return list;
    }

    private static List<(string Code, string? Name, bool Partial)> Sources(JsonElement e, int number, List<ImportError> errors)
    {
        var list = new List<(string, string?, bool)>();
        if (!e.TryGetPropertyValue("merges", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(new ImportError(number, "merges", "expected a non-empty list", "record"));
            return list;
        }

        foreach (var item in items.EnumerateArray())
        {
            var code = Text(item, "old_id");
            var type = Text(item, "type");
            if (code is null)
            {
                errors.Add(new ImportError(number, "old_id", "missing code", "record"));
            }
            else if (type is not ("full" or "partial"))
            {
                errors.Add(new ImportError(number, "type", $"expected full or partial, found '{type}'", "record"));
            }
            else
            {
                list.Add((code, Text(item, "name"), type == "partial"));
            }
        }

        return list;
    }

    private static bool TryGetPropertyValue(this JsonElement e, string property, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out value);
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetPropertyValue(property, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s.Trim() : null;
}
