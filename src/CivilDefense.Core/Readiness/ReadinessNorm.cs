using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// One requirement (định mức) a province sets for the units of one hazard profile, e.g. 3 boats
/// per flood-prone commune. Owned by the unit that set it (a province, or the country for a
/// national default); a norm of a deeper owner overrides one of a shallower owner for the same
/// profile and metric. Numbers are data, with their source, so a province can change them.
/// </summary>
public sealed class ReadinessNorm : IVersioned
{
    public int Id { get; set; }

    /// <summary>The unit that set the norm (province or country); it applies to that unit's subtree.</summary>
    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    /// <summary>
    /// The owner's tree path, copied: the scope filter lets a commune read norms set above it,
    /// where the owner unit itself is out of its scope (and so cannot be joined through).
    /// </summary>
    public string UnitPath { get; set; } = "";

    public HazardProfile Profile { get; set; }

    public ReadinessComponent Component { get; set; }

    /// <summary>A key of <see cref="ReadinessMetrics"/>, e.g. "boats_per_commune".</summary>
    public required string MetricKey { get; set; }

    public double Target { get; set; }

    /// <summary>Relative weight inside the component (1 = ordinary).</summary>
    public double Weight { get; set; } = 1;

    /// <summary>Unit of measure of the target, e.g. "boats", "person-days", "%".</summary>
    public required string MeasureUnit { get; set; }

    /// <summary>Where the figure comes from, or that it is illustrative.</summary>
    public string? Source { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public int Version { get; set; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}
