using CivilDefense.Core.Common;

namespace CivilDefense.Core.Geography;

/// <summary>
/// An administrative unit (đơn vị hành chính) at any depth. Codes are the official GSO codes;
/// a code is not unique over time (80 was Long An before 1/7/2025 and is the new Tây Ninh since),
/// so units carry validity dates and the tree is keyed by surrogate ids.
/// </summary>
public sealed class AdministrativeUnit : IVersioned
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public int? ParentId { get; set; }

    public AdministrativeUnit? Parent { get; set; }

    /// <summary>Ids from the root down, "/1/2/57/": scope checks are one prefix comparison.</summary>
    public string Path { get; set; } = "";

    public int Level { get; set; }

    public UnitKind Kind { get; set; }

    public required string Name { get; set; }

    public string? NameEn { get; set; }

    public required string FullName { get; set; }

    public string? FullNameEn { get; set; }

    public int? Population { get; set; }

    /// <summary>Year the population figure refers to (2019 census for the demo).</summary>
    public int? PopulationYear { get; set; }

    public int? Households { get; set; }

    public double? AreaKm2 { get; set; }

    public double? CentroidLat { get; set; }

    public double? CentroidLon { get; set; }

    /// <summary>Full-resolution boundary as a GeoJSON geometry (WGS84).</summary>
    public string? Boundary { get; set; }

    /// <summary>Simplified boundary served to maps, so a province of 96 communes draws fast.</summary>
    public string? BoundarySimplified { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public int Version { get; set; }

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidTo is null || day <= ValidTo);
}
