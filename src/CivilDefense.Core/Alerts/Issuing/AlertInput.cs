using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Alerts.Cap;

namespace CivilDefense.Core.Alerts.Issuing;

/// <summary>
/// What an operator writes on the compose page or POSTs to /api/v1/alerts. The area is any mix
/// of units (communes of the province), one polygon ("lat,lon lat,lon …" as in CAP) and one
/// circle ("lat,lon radiusKm"); texts by language tag (vi-VN and en-US required, km-KH optional).
/// </summary>
public sealed record AlertInput
{
    public int? UnitId { get; init; }

    [Required]
    public PtdsHazard? Hazard { get; init; }

    [Range(1, 5)]
    public int RiskLevel { get; init; }

    public CapStatus Status { get; init; } = CapStatus.Actual;

    public CapUrgency Urgency { get; init; } = CapUrgency.Expected;

    public CapCertainty Certainty { get; init; } = CapCertainty.Likely;

    public DateTimeOffset? Expires { get; init; }

    public IReadOnlyList<int> AreaUnitIds { get; init; } = [];

    [MaxLength(20000)]
    public string? Polygon { get; init; }

    [MaxLength(200)]
    public string? Circle { get; init; }

    [MaxLength(500)]
    public string? AreaDescription { get; init; }

    public IReadOnlyDictionary<string, AlertText> Texts { get; init; } = new Dictionary<string, AlertText>();

    [MaxLength(1000)]
    public string? Note { get; init; }
}

/// <summary>Why a Cancel is sent (optional; goes to &lt;note&gt;).</summary>
public sealed record CancelInput([property: MaxLength(1000)] string? Note = null);
