using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// What makes an observation impossible, per item and with the reason. The bounds are physical or
/// instrumental limits, not warning thresholds: a value inside them is stored however alarming.
/// </summary>
public static partial class ObservationRules
{
    /// <summary>Clocks of stations drift; a time this far ahead of ours is still accepted.</summary>
    public static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>Water level bounds when the station has none of its own (metres on the gauge datum).</summary>
    public const double DefaultWaterLevelMin = -10;

    public const double DefaultWaterLevelMax = 30;

    /// <summary>No gauge reports more in one reading (the world's one-hour record is about 305 mm).</summary>
    public const double MaxRainfallPerReading = 500;

    /// <summary>Sea water is about 35 g/L; above 40 is an instrument fault in the delta.</summary>
    public const double MaxSalinity = 40;

    public const double MaxWind = 120;

    /// <summary>Parses an ISO 8601 time that states its offset ("Z" or "+07:00"); a time without one is ambiguous.</summary>
    public static bool TryParseTime(string? text, out DateTime utc, out string? reason)
    {
        if (text is null)
        {
            utc = default;
            reason = "time is missing";
            return false;
        }

        return TryParseTime(text.AsSpan(), out utc, out reason);
    }

    /// <inheritdoc cref="TryParseTime(string?, out DateTime, out string?)"/>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTime utc, out string? reason)
    {
        utc = default;
        if (text.IsWhiteSpace())
        {
            reason = "time is missing";
            return false;
        }

        if (TryParseCommon(text, out utc))
        {
            reason = null;
            return true;
        }

        var trimmed = text.Trim();
        if (!OffsetPattern().IsMatch(trimmed))
        {
            reason = "time must state its offset (Z or +07:00)";
            return false;
        }

        if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            reason = "time is not an ISO 8601 date and time";
            return false;
        }

        utc = parsed.UtcDateTime;
        reason = null;
        return true;
    }

    /// <summary>
    /// The time of a JSON string as it lies in the request body (UTF-8, unescaped): a gateway's
    /// time is ASCII, widened on the stack to the parser above without a string per item.
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<byte> utf8, out DateTime utc, out string? reason)
    {
        if (utf8.Length > 64)
        {
            return TryParseTime(Encoding.UTF8.GetString(utf8), out utc, out reason);
        }

        Span<char> chars = stackalloc char[64];
        var length = Encoding.UTF8.GetChars(utf8, chars);
        return TryParseTime(chars[..length], out utc, out reason);
    }

    /// <summary>A variable by its name, in any letter case (WaterLevel, Rainfall, Salinity, Wind); numbers are not names.</summary>
    public static bool TryParseVariable(ReadOnlySpan<char> text, out StationVariable variable, out string? reason)
    {
        if (text.IsWhiteSpace())
        {
            (variable, reason) = (default, "variable is missing");
            return false;
        }

        if (!Enum.TryParse(text, ignoreCase: true, out variable) || !Enum.IsDefined(variable) || int.TryParse(text, out _))
        {
            reason = $"unknown variable '{text}' (WaterLevel, Rainfall, Salinity, Wind)";
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>
    /// The form gateways send, "2025-10-01T00:05:00Z" or "…+07:00", read digit by digit: the general
    /// parser costs more than all the other checks of an item together, and a backfill has millions.
    /// Anything else (fractions, other offsets forms, invalid dates) goes to the general parser.
    /// </summary>
    private static bool TryParseCommon(ReadOnlySpan<char> t, out DateTime utc)
    {
        utc = default;
        if (t.Length is not (20 or 25) || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':'
            || !Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var offset = 0;
        if (t.Length == 20)
        {
            if (t[19] is not ('Z' or 'z'))
            {
                return false;
            }
        }
        else if (t[19] is not ('+' or '-') || t[22] != ':' || !Digits(t, 20, 2, out var oh) || !Digits(t, 23, 2, out var om) || oh > 14 || om > 59)
        {
            return false;
        }
        else
        {
            offset = (t[19] == '-' ? -1 : 1) * (oh * 60 + om);
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        if ((offset > 0 && local.Ticks < TimeSpan.TicksPerMinute * offset) || (offset < 0 && DateTime.MaxValue.Ticks - local.Ticks < TimeSpan.TicksPerMinute * -offset))
        {
            return false;
        }

        utc = DateTime.SpecifyKind(local.AddMinutes(-offset), DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            value = value * 10 + d;
        }

        return true;
    }

    /// <summary>Null when the value is possible at the station; otherwise the reason.</summary>
    public static string? Check(Station station, IReadOnlyList<StationVariable> reported, StationVariable variable, double value, DateTime observedAt, DateTime now)
    {
        if (observedAt > now + FutureSkew)
        {
            return $"time {observedAt:yyyy-MM-ddTHH:mm:ssZ} is in the future (more than {FutureSkew.TotalMinutes:0} minutes ahead)";
        }

        if (!reported.Contains(variable))
        {
            return $"station {station.Code} does not report {variable}";
        }

        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return "value is not a number";
        }

        return variable switch
        {
            StationVariable.WaterLevel when value < (station.WaterLevelMin ?? DefaultWaterLevelMin) || value > (station.WaterLevelMax ?? DefaultWaterLevelMax) =>
                string.Create(CultureInfo.InvariantCulture, $"water level {value} m is outside the station's plausible range {station.WaterLevelMin ?? DefaultWaterLevelMin} to {station.WaterLevelMax ?? DefaultWaterLevelMax} m"),
            StationVariable.Rainfall when value < 0 => "rainfall cannot be negative",
            StationVariable.Rainfall when value > MaxRainfallPerReading => string.Create(CultureInfo.InvariantCulture, $"rainfall {value} mm in one reading is above {MaxRainfallPerReading} mm"),
            StationVariable.Salinity when value < 0 => "salinity cannot be negative",
            StationVariable.Salinity when value > MaxSalinity => string.Create(CultureInfo.InvariantCulture, $"salinity {value} g/L is above {MaxSalinity} g/L"),
            StationVariable.Wind when value < 0 || value > MaxWind => string.Create(CultureInfo.InvariantCulture, $"wind {value} m/s is outside 0 to {MaxWind} m/s"),
            _ => null,
        };
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex OffsetPattern();
}
