namespace CivilDefense.Core.Geography.Import;

/// <summary>One administrative unit as read from a file, before it is matched to the database.</summary>
public sealed record UnitRow(
    string Code,
    string? ParentCode,
    UnitKind Kind,
    string Name,
    string? NameEn,
    string FullName,
    string? FullNameEn,
    int? Population = null,
    int? Households = null,
    double? AreaKm2 = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null);

/// <summary>Unit kinds as Vietnamese sources write them (and as the enum names, for CSV written by hand).</summary>
public static class UnitKindNames
{
    private static readonly Dictionary<string, UnitKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Quốc gia"] = UnitKind.Country,
        ["Tỉnh"] = UnitKind.Province,
        ["Thành phố trực thuộc trung ương"] = UnitKind.Municipality,
        ["Thành phố Trung ương"] = UnitKind.Municipality,
        ["Huyện"] = UnitKind.District,
        ["Quận"] = UnitKind.UrbanDistrict,
        ["Thị xã"] = UnitKind.Town,
        ["Thành phố thuộc tỉnh"] = UnitKind.ProvincialCity,
        ["Xã"] = UnitKind.Commune,
        ["Phường"] = UnitKind.Ward,
        ["Thị trấn"] = UnitKind.Township,
        ["Đặc khu"] = UnitKind.SpecialZone,
        ["Đặc khu tại hải đảo"] = UnitKind.SpecialZone,
    };

    public static bool TryParse(string? text, out UnitKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // Sources mix composed and decomposed Unicode; compare in the composed form.
        var normalized = text.Trim().Normalize(System.Text.NormalizationForm.FormC);
        return Names.TryGetValue(normalized, out kind)
            || (Enum.TryParse(normalized, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !int.TryParse(normalized, out _));
    }

    /// <summary>The kind named by the first word(s) of a full name ("Xã Vĩnh Thạnh", "Thị trấn Tân Hưng").</summary>
    public static bool TryParseFromFullName(string fullName, out UnitKind kind)
    {
        var normalized = fullName.Trim().Normalize(System.Text.NormalizationForm.FormC);
        foreach (var prefix in new[] { "Thành phố", "Thị trấn", "Thị xã", "Phường", "Xã", "Tỉnh", "Huyện", "Quận", "Đặc khu" })
        {
            if (normalized.StartsWith(prefix + " ", StringComparison.OrdinalIgnoreCase))
            {
                kind = prefix == "Thành phố" ? UnitKind.Municipality : Names[prefix];
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>Checks shared by the unit parsers: duplicates and parents that exist.</summary>
internal static class UnitRowChecks
{
    public static void Check(IReadOnlyList<(int Line, UnitRow Row)> rows, IReadOnlyCollection<string>? knownCodes, string locator, List<ImportError> errors)
    {
        // A code may repeat over time (80 was Long An, now Tây Ninh), so only overlapping validity is a duplicate.
        foreach (var group in rows.GroupBy(r => r.Row.Code, StringComparer.Ordinal))
        {
            var seen = new List<UnitRow>();
            foreach (var (line, row) in group)
            {
                if (seen.Any(s => Overlaps(s, row)))
                {
                    errors.Add(new ImportError(line, "code", $"duplicate code {row.Code}", locator));
                }

                seen.Add(row);
            }
        }

        var codes = rows.Select(r => r.Row.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (line, row) in rows)
        {
            if (row.ParentCode is { } parent && !codes.Contains(parent) && knownCodes?.Contains(parent) != true)
            {
                errors.Add(new ImportError(line, "parent_code", $"unknown parent code {parent}", locator));
            }
            else if (row.ParentCode == row.Code)
            {
                errors.Add(new ImportError(line, "parent_code", "a unit cannot be its own parent", locator));
            }
        }
    }

    private static bool Overlaps(UnitRow a, UnitRow b) =>
        (a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue)
        && (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue);
}
