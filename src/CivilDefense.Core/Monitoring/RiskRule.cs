using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Monitoring;

/// <summary>The hazards whose risk level the monitoring rules compute.</summary>
public enum Hazard
{
    /// <summary>Lũ, ngập lụt.</summary>
    Flood,
    /// <summary>Mưa lớn.</summary>
    HeavyRain,
    /// <summary>Several hazards at once (thiên tai xảy ra đồng thời): raises the level.</summary>
    Concurrent,
}

/// <summary>
/// One row of a risk-level table (cấp độ rủi ro thiên tai), kept as data with its legal source so a
/// province can correct it without a release. Which columns matter depends on the hazard:
/// <list type="bullet">
/// <item>Flood: the peak water level H with <c>Lower + LowerOffset ≤ H &lt; Upper + UpperOffset</c>
/// (alarm levels of the station), for stations whose zone is in [ZoneFrom, ZoneTo], in one basin.</item>
/// <item>HeavyRain: rain summed over <see cref="WindowHours"/> in [MinValue, MaxValue).</item>
/// <item>Concurrent: <see cref="Level"/> is the increment (+1, or +2 where serious damage is likely),
/// the result capped at <see cref="MaxLevel"/>.</item>
/// </list>
/// </summary>
public sealed class RiskRule : IVersioned
{
    public int Id { get; set; }

    /// <summary>The unit that set the rule (a province, or the country); it applies to that subtree.</summary>
    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>The owner's tree path, copied, so communes read rules set above them (as with norms).</summary>
    public string UnitPath { get; set; } = "";

    public Hazard Hazard { get; set; }

    /// <summary>The risk level the rule gives (1-5); for Concurrent, the increment.</summary>
    public int Level { get; set; }

    public int? ZoneFrom { get; set; }

    public int? ZoneTo { get; set; }

    public AlarmLevel? LowerAlarm { get; set; }

    public double LowerOffset { get; set; }

    public AlarmLevel? UpperAlarm { get; set; }

    public double UpperOffset { get; set; }

    public int? WindowHours { get; set; }

    public double? MinValue { get; set; }

    public double? MaxValue { get; set; }

    /// <summary>Concurrent only: the increment applies only when the operator judges serious damage likely.</summary>
    public bool RequiresSeriousDamage { get; set; }

    public int MaxLevel { get; set; } = 5;

    /// <summary>The province has decided a warning at this hazard and level goes out without review.</summary>
    public bool AutoIssue { get; set; }

    /// <summary>Article and decision, e.g. "Decision 18/2021/QĐ-TTg, Art. 45".</summary>
    public required string LegalSource { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public int Version { get; set; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}
