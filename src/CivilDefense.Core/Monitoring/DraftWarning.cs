using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Monitoring;

/// <summary>Where a draft warning stands in the operator's review.</summary>
public enum WarningStatus
{
    /// <summary>Raised by the rules, waiting for the operator.</summary>
    Draft,
    /// <summary>Reviewed (or configured for automatic issue): to be issued as a CAP alert.</summary>
    Ready,
    /// <summary>Issued as an alert (set by the alerting feature).</summary>
    Issued,
    /// <summary>The operator decided not to issue it.</summary>
    Dismissed,
}

/// <summary>
/// A warning drafted when a station's computed risk level is reached or rises (bản tin cảnh báo
/// dự thảo). It carries what a CAP alert needs: hazard, level, the area (the station's unit), the
/// explanation in both languages, and the times.
/// </summary>
public sealed class DraftWarning : IVersioned
{
    public int Id { get; set; }

    public int StationId { get; set; }

    public Station Station { get; set; } = null!;

    /// <summary>The area the warning covers: the station's administrative unit when raised.</summary>
    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>The main hazard (the one with the highest level before any concurrent increase).</summary>
    public Hazard Hazard { get; set; }

    public int Level { get; set; }

    /// <summary>The level already warned of before this one (0: none).</summary>
    public int PreviousLevel { get; set; }

    public required string ExplanationVi { get; set; }

    public required string ExplanationEn { get; set; }

    /// <summary>The observation time the level was computed at (the event's onset for the alert).</summary>
    public DateTime ObservedAt { get; set; }

    public DateTime RaisedAt { get; set; }

    public WarningStatus Status { get; set; }

    /// <summary>Raised under a rule the province set for automatic issue.</summary>
    public bool AutoIssue { get; set; }

    public int? ReviewedByUserId { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>The alert prepared from this warning (one at most; set by the alert flow, Alerts/Dissemination).</summary>
    public int? AlertId { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// What the hysteresis remembers per station: the level last warned of ("armed"), and since when
/// the computed level has been below it. Lets a level that flaps around a threshold raise one draft.
/// </summary>
public sealed class StationWarningState
{
    public int StationId { get; set; }

    public Station Station { get; set; } = null!;

    public int ArmedLevel { get; set; }

    public DateTime? BelowSince { get; set; }

    public int LastLevel { get; set; }

    public DateTime LastEvaluatedAt { get; set; }
}
