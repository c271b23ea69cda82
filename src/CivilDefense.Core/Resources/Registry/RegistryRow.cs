using System.Globalization;
using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>
/// One row of an import file with the lookups it needs (unit codes, equipment type codes), and the
/// errors found in it, each with the row's line and the column.
/// </summary>
public sealed class RegistryRow(int line, IReadOnlyDictionary<string, string?> fields, RegistryLookups lookups, List<ImportError> errors)
{
    public int Line => line;

    public string? Text(string column) => fields.TryGetValue(column, out var value) ? value : null;

    public string Required(string column)
    {
        var value = Text(column);
        if (value is null)
        {
            Fail(column, "required");
        }

        return value ?? "";
    }

    public int? Integer(string column) => Parse<int>(column, t => int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null, "a whole number");

    public double? Number(string column) =>
        Parse<double>(column, t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null, "a number");

    public DateOnly? Date(string column) =>
        Parse<DateOnly>(column, t => DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var v) ? v : null, "a date (yyyy-MM-dd)");

    public bool Flag(string column) =>
        Parse<bool>(column, t => t.ToLowerInvariant() switch { "true" or "1" or "yes" or "x" => true, "false" or "0" or "no" => false, _ => (bool?)null }, "true or false") ?? false;

    public TEnum? Choice<TEnum>(string column)
        where TEnum : struct, Enum =>
        Parse<TEnum>(column, t => Enum.TryParse<TEnum>(t, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : null, "one of " + string.Join(", ", Enum.GetNames<TEnum>()));

    public TEnum RequiredChoice<TEnum>(string column)
        where TEnum : struct, Enum
    {
        Required(column);
        return Choice<TEnum>(column) ?? default;
    }

    /// <summary>The id of the unit whose official code is in the column; an unknown or out-of-scope code is an error.</summary>
    public int UnitId(string column)
    {
        var code = Required(column);
        if (code.Length > 0 && !lookups.UnitIds.ContainsKey(code))
        {
            Fail(column, $"'{code}' is not a unit code in your scope");
        }

        return lookups.UnitIds.GetValueOrDefault(code);
    }

    public int EquipmentTypeId(string column)
    {
        var code = Required(column);
        if (code.Length > 0 && !lookups.EquipmentTypeIds.ContainsKey(code))
        {
            Fail(column, $"'{code}' is not an equipment type code");
        }

        return lookups.EquipmentTypeIds.GetValueOrDefault(code);
    }

    public void Fail(string column, string message) => errors.Add(new ImportError(line, column, message, "row"));

    private T? Parse<T>(string column, Func<string, T?> parse, string expected)
        where T : struct
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        var value = parse(text);
        if (value is null)
        {
            Fail(column, $"'{text}' is not {expected}");
        }

        return value;
    }
}

/// <summary>Codes a file refers to, resolved once per import within the actor's scope.</summary>
public sealed record RegistryLookups(IReadOnlyDictionary<string, int> UnitIds, IReadOnlyDictionary<string, int> EquipmentTypeIds);

/// <summary>Shared formatting of file values, so export and import agree.</summary>
public static class RegistryFormat
{
    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Of(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Of(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";
}
