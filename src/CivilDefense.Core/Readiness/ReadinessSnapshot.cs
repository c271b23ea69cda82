using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Readiness;

/// <summary>
/// A unit's scores on one day, kept for the trend: written when a stock count is applied, by the
/// nightly job and on demand (one row per unit and day; a later computation the same day replaces it).
/// </summary>
public sealed class ReadinessSnapshot
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public DateOnly Day { get; set; }

    public double Overall { get; set; }

    public double Command { get; set; }

    public double Forces { get; set; }

    public double MeansAndMaterials { get; set; }

    public double Logistics { get; set; }

    public int GapCount { get; set; }

    /// <summary>What triggered it: "count", "nightly", "manual".</summary>
    public required string Trigger { get; set; }

    public DateTime ComputedAt { get; set; }
}
