namespace CivilDefense.Core.Readiness;

/// <summary>A unit's scorecards: its own roll-up and the commune cards under it, the least ready first.</summary>
public sealed record ScorecardReport(int UnitId, string Code, string Name, RollupResult Rollup, IReadOnlyList<Scorecard> Cards);

/// <summary>One commune's scorecard with what it has, and its scores over time.</summary>
public sealed record UnitScorecard(Scorecard Card, UnitFacts Facts, IReadOnlyList<SnapshotPoint> Trend);

public sealed record SnapshotPoint(DateOnly Day, double Overall, double Command, double Forces, double MeansAndMaterials, double Logistics, int GapCount, string Trigger);

/// <summary>Shelter coverage of a unit's communes at a distance, the short ones first.</summary>
public sealed record CoverageReport(int UnitId, double DistanceKm, long Population, long Covered, int ShortUnits, IReadOnlyList<UnitCoverage> Units);

public sealed record NormView(
    int Id, int UnitId, string UnitName, HazardProfile Profile, ReadinessComponent Component, string MetricKey, double Target, double Weight,
    string MeasureUnit, string? Source, DateOnly? ValidFrom, DateOnly? ValidTo, bool CanEdit, int Version);

public enum ReminderKind
{
    SupplyExpiring,
    MaintenanceDue,
    ShelterNotInspected,
}

/// <summary>Something to do soon: a supply that expires, equipment due maintenance, a shelter not inspected for a year.</summary>
public sealed record Reminder(ReminderKind Kind, int UnitId, string UnitName, int ItemId, string ItemName, DateOnly? Due);

/// <summary>A shelter or logistics point drawn on the map, sized by capacity.</summary>
public sealed record MapPoint(string Kind, int Id, int UnitId, string Name, double Lat, double Lon, int? Capacity);
