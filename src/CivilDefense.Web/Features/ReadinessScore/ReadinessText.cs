using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>Readiness words in the UI language: components, statuses, profiles, gaps.</summary>
public static class ReadinessText
{
    public static string Of(ReadinessComponent component, UiText l) => component switch
    {
        ReadinessComponent.Command => l["On-site command"],
        ReadinessComponent.Forces => l["On-site forces"],
        ReadinessComponent.MeansAndMaterials => l["On-site means and materials"],
        _ => l["On-site logistics"],
    };

    public static string Of(ReadinessStatus status, UiText l) => status switch
    {
        ReadinessStatus.Ready => l["Ready"],
        ReadinessStatus.Partial => l["Partly ready"],
        ReadinessStatus.NotReady => l["Not ready"],
        _ => l["No norms"],
    };

    public static string Of(HazardProfile profile, UiText l) => profile switch
    {
        HazardProfile.FloodProne => l["Flood-prone"],
        HazardProfile.Landslide => l["Landslide"],
        HazardProfile.Coastal => l["Coastal"],
        HazardProfile.Urban => l["Urban"],
        HazardProfile.Border => l["Border"],
        _ => l["General"],
    };

    public static string Of(ReminderKind kind, UiText l) => kind switch
    {
        ReminderKind.SupplyExpiring => l["Supply expiring"],
        ReminderKind.MaintenanceDue => l["Maintenance due"],
        _ => l["Shelter not inspected for a year"],
    };

    /// <summary>"Life jackets: 120 of 450 required (27%)", or "Duty roster filled for the next 7 days: no".</summary>
    public static string Gap(MetricResult m, UiText l) => m.IsFlag
        ? $"{l[m.Label]}: {(m.Actual >= 1 ? l["yes"] : l["no"])}"
        : l.Format("{0}: {1} of {2} required ({3}%)", l[m.Label], m.Actual.ToString("N0"), m.Required.ToString("N0"), Math.Floor(m.Ratio * 100));

    public static string CssOf(ReadinessStatus status) => status switch
    {
        ReadinessStatus.Ready => "ready",
        ReadinessStatus.Partial => "partial",
        ReadinessStatus.NotReady => "not-ready",
        _ => "unknown",
    };
}
