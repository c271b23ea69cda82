using System.Globalization;
using System.Text.RegularExpressions;

namespace CivilDefense.Core.Alerts.Cap;

/// <summary>
/// CAP's date-time form: "2026-10-14T07:30:00+07:00" — always an explicit offset, never "Z" and
/// never fractional seconds; UTC is written "-00:00" as the standard asks (CAP 1.2 §3.3.2).
/// </summary>
public static partial class CapTime
{
    public static string Format(DateTimeOffset time)
    {
        var whole = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
        var text = whole.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        if (whole.Offset == TimeSpan.Zero)
        {
            return text + "-00:00";
        }

        var offset = whole.Offset;
        return text + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hh':'mm", CultureInfo.InvariantCulture);
    }

    /// <summary>True when <paramref name="text"/> has exactly CAP's form (no Z, no fraction, an offset).</summary>
    public static bool IsStrict(string text) => StrictForm().IsMatch(text);

    /// <summary>Parses any ISO 8601 date-time with an offset (lenient: Z and fractions accepted) — readers take what publishers send.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !HasOffset().IsMatch(trimmed))
        {
            return false;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")]
    private static partial Regex StrictForm();

    [GeneratedRegex(@"T.*(Z|[+-]\d\d:?\d\d)$")]
    private static partial Regex HasOffset();
}
