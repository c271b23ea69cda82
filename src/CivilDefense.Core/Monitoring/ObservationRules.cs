using System.Globalization;
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
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            reason = "time is missing";
            return false;
        }

        if (!OffsetPattern().IsMatch(text.Trim()))
        {
            reason = "time must state its offset (Z or +07:00)";
            return false;
        }

        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            reason = "time is not an ISO 8601 date and time";
            return false;
        }

        utc = parsed.UtcDateTime;
        reason = null;
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
