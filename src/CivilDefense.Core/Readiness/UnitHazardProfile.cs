using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// A hazard profile that applies to a unit, with the residents exposed to it where known
/// (e.g. residents of the flood zone), which norms "per 1,000 exposed residents" use.
/// </summary>
public sealed class UnitHazardProfile
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public HazardProfile Profile { get; set; }

    /// <summary>Residents exposed to this hazard; null: the whole population.</summary>
    public int? ExposedResidents { get; set; }

    /// <summary>Why the profile applies (a decision, a survey, or the seed's heuristic).</summary>
    public string? Basis { get; set; }
}
