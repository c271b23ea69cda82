using System.Text.Json;

namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// Reads the vn_units JSON (thanglequoc/vietnamese-provinces-database): a list of provinces, each
/// with its <c>Wards</c>. Records are numbered in document order (province, then its wards), and
/// errors name that number.
/// </summary>
public static class VnUnitsJsonParser
{
    /// <param name="stream">The JSON, plain or gzipped.</param>
    /// <param name="rootCode">Parent code given to the provinces (e.g. "VN"); null makes them roots.</param>
    /// <param name="knownCodes">Codes already in the database, accepted as parents.</param>
    /// <param name="validFrom">Validity start given to every unit (the reform date for the 2025 list).</param>
    public static ParseResult<UnitRow> Parse(Stream stream, string? rootCode = null, IReadOnlyCollection<string>? knownCodes = null, DateOnly? validFrom = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(ImportInput.Decompress(stream), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return ParseResult<UnitRow>.Failed(new ImportError((int)(ex.LineNumber ?? 0) + 1, "json", ex.Message.Split(" Path:")[0]));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ParseResult<UnitRow>.Failed(new ImportError(1, "json", "expected a list of provinces", "record"));
            }

            var errors = new List<ImportError>();
            var rows = new List<(int, UnitRow)>();
            var record = 0;
            foreach (var province in document.RootElement.EnumerateArray())
            {
                var provinceRecord = ++record;
                var provinceRow = Read(province, provinceRecord, rootCode, validFrom, errors);
                if (provinceRow is not null)
                {
                    rows.Add((provinceRecord, provinceRow));
                }

                if (province.ValueKind != JsonValueKind.Object || !province.TryGetProperty("Wards", out var wards) || wards.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new ImportError(provinceRecord, "Wards", "a province needs a list of Wards", "record"));
                    continue;
                }

                foreach (var ward in wards.EnumerateArray())
                {
                    var wardRecord = ++record;
                    var declared = ward.ValueKind == JsonValueKind.Object ? Text(ward, "ProvinceCode") : null;
                    var parent = declared ?? provinceRow?.Code;
                    if (declared is not null && provinceRow is not null && declared != provinceRow.Code)
                    {
                        errors.Add(new ImportError(wardRecord, "ProvinceCode", $"ward lists province {declared} but sits under {provinceRow.Code}", "record"));
                    }

                    if (Read(ward, wardRecord, parent, validFrom, errors) is { } wardRow)
                    {
                        rows.Add((wardRecord, wardRow));
                    }
                }
            }

            var known = rootCode is null ? knownCodes : [.. knownCodes ?? [], rootCode];
            UnitRowChecks.Check(rows, known, "record", errors);
            return ParseResult<UnitRow>.From(rows.Select(r => r.Item2).ToList(), errors);
        }
    }

    private static UnitRow? Read(JsonElement e, int record, string? parentCode, DateOnly? validFrom, List<ImportError> errors)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ImportError(record, "json", "expected an object", "record"));
            return null;
        }

        var before = errors.Count;
        var code = Text(e, "Code");
        var name = Text(e, "Name");
        var fullName = Text(e, "FullName") ?? name;
        if (code is null)
        {
            errors.Add(new ImportError(record, "Code", "missing code", "record"));
        }

        if (name is null)
        {
            errors.Add(new ImportError(record, "Name", "missing name", "record"));
        }

        // The full kind name is unambiguous ("Thành phố trực thuộc trung ương"); the short one is not ("Thành phố").
        var kindText = Text(e, "AdministrativeUnitFullName") ?? Text(e, "AdministrativeUnitShortName");
        if (!UnitKindNames.TryParse(kindText, out var kind))
        {
            errors.Add(new ImportError(record, "AdministrativeUnitFullName", $"unknown unit kind '{kindText}'", "record"));
        }

        return errors.Count > before
            ? null
            : new UnitRow(code!, parentCode, kind, name!, Text(e, "NameEn"), fullName!, Text(e, "FullNameEn"), ValidFrom: validFrom);
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s.Trim() : null;
}
