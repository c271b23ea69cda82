namespace CivilDefense.Core.Monitoring;

/// <summary>A draft warning as lists and the API show it (the entity stays internal to the model).</summary>
public sealed record DraftWarningView(
    int Id, int StationId, string StationCode, string StationName, int UnitId, string UnitName, Hazard Hazard, int Level, int PreviousLevel,
    string ExplanationVi, string ExplanationEn, DateTime ObservedAt, DateTime RaisedAt, WarningStatus Status, bool AutoIssue,
    DateTime? ReviewedAt, string? ReviewNote, int Version, int? AlertId = null)
{
    public static DraftWarningView Of(DraftWarning d, string stationName, string stationCode, string unitName) =>
        new(d.Id, d.StationId, stationCode, stationName, d.UnitId, unitName, d.Hazard, d.Level, d.PreviousLevel, d.ExplanationVi, d.ExplanationEn,
            d.ObservedAt, d.RaisedAt, d.Status, d.AutoIssue, d.ReviewedAt, d.ReviewNote, d.Version, d.AlertId);
}

public sealed record AlarmLevelsView(int Id, double? Bd1, double? Bd2, double? Bd3, DateOnly? ValidFrom, DateOnly? ValidTo, string Source);

/// <summary>A station with its alarm levels in force, its latest water level and its current computed level.</summary>
public sealed record StationView(
    int Id, string Code, string Name, string? River, int? Zone, double Latitude, double Longitude, string? CoordinateQuality,
    int UnitId, string UnitCode, string UnitName, string? Operator, IReadOnlyList<StationVariable> Variables, double? WaterLevelMin, double? WaterLevelMax,
    AlarmLevelsView? AlarmLevels, int? CurrentLevel, DateTime? LastEvaluatedAt, bool BoundToToken, string? Source, int Version);

public sealed record RiskRuleView(
    int Id, int UnitId, string UnitName, Hazard Hazard, int Level, int? ZoneFrom, int? ZoneTo, AlarmLevel? LowerAlarm, double LowerOffset,
    AlarmLevel? UpperAlarm, double UpperOffset, int? WindowHours, double? MinValue, double? MaxValue, bool RequiresSeriousDamage, int MaxLevel,
    bool AutoIssue, string LegalSource, DateOnly? ValidFrom, DateOnly? ValidTo, bool CanEdit, int Version);

public sealed record SeriesPoint(DateTime At, double Value);

/// <summary>A station's series of one variable with the alarm lines to draw over it.</summary>
public sealed record StationSeries(int StationId, StationVariable Variable, IReadOnlyList<SeriesPoint> Points, AlarmLevelsView? AlarmLevels);
