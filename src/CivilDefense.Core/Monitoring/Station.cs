using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Monitoring;

/// <summary>What a station measures (one observation is one value of one variable).</summary>
public enum StationVariable
{
    /// <summary>Mực nước, metres above the gauge datum.</summary>
    WaterLevel,
    /// <summary>Lượng mưa, millimetres fallen in the interval ending at the observation time.</summary>
    Rainfall,
    /// <summary>Độ mặn, grams per litre.</summary>
    Salinity,
    /// <summary>Gió, mean speed in metres per second.</summary>
    Wind,
}

/// <summary>
/// A monitoring station (trạm quan trắc): a hydrological gauge, a rain gauge, a salinity or wind
/// station. It belongs to the administrative unit it stands in, which is also the area a warning
/// raised from it covers.
/// </summary>
public sealed class Station : IVersioned
{
    public int Id { get; set; }

    /// <summary>A stable code used by ingest clients and CSV files, e.g. "MOC-HOA".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? River { get; set; }

    /// <summary>
    /// The flood risk zone of Decision 18/2021/QĐ-TTg the station lies in; null while unknown (the
    /// shipped list does not say, and flood levels that depend on the zone are then not computed).
    /// </summary>
    public int? Zone { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    /// <summary>How good the coordinates are ("station point", or "approximate: ward centroid").</summary>
    public string? CoordinateQuality { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>Who runs the station (the hydro-meteorological centre, a water company…); free text.</summary>
    public string? Operator { get; set; }

    /// <summary>Comma-separated <see cref="StationVariable"/> names the station reports.</summary>
    public string Variables { get; set; } = nameof(StationVariable.WaterLevel);

    /// <summary>Lowest and highest water level this gauge can physically report (m); outside is an instrument fault.</summary>
    public double? WaterLevelMin { get; set; }

    public double? WaterLevelMax { get; set; }

    /// <summary>
    /// The API token the station itself posts with. A token bound to stations may post only for
    /// them; see <see cref="IngestAccess"/>.
    /// </summary>
    public int? IngestTokenId { get; set; }

    public ApiToken? IngestToken { get; set; }

    public string? Source { get; set; }

    public int Version { get; set; }

    public ICollection<StationAlarmLevels> AlarmLevels { get; set; } = [];

    public IReadOnlyList<StationVariable> VariableList() =>
        Variables.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => Enum.TryParse<StationVariable>(v, out var parsed) ? parsed : (StationVariable?)null)
            .OfType<StationVariable>()
            .ToList();
}

/// <summary>
/// The alarm levels (mức báo động I/II/III) of a water-level station for a period, with where they
/// come from. Unknown levels stay null: a level is never guessed.
/// </summary>
public sealed class StationAlarmLevels : IVersioned
{
    public int Id { get; set; }

    public int StationId { get; set; }

    public Station Station { get; set; } = null!;

    public double? Bd1 { get; set; }

    public double? Bd2 { get; set; }

    public double? Bd3 { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The decision or bulletin the figures come from, or why they are unverified.</summary>
    public required string Source { get; set; }

    public int Version { get; set; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);

    public AlarmLevels ToLevels() => new(Bd1, Bd2, Bd3, Source);
}

/// <summary>The alarm levels in force, as the risk engine reads them.</summary>
public sealed record AlarmLevels(double? Bd1, double? Bd2, double? Bd3, string Source)
{
    public static AlarmLevels None { get; } = new(null, null, null, "");

    public double? Of(AlarmLevel level) => level switch
    {
        AlarmLevel.Bd1 => Bd1,
        AlarmLevel.Bd2 => Bd2,
        _ => Bd3,
    };
}

/// <summary>Báo động I, II, III.</summary>
public enum AlarmLevel
{
    Bd1 = 1,
    Bd2 = 2,
    Bd3 = 3,
}
