using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Resources;

namespace CivilDefense.Core.Shelters;

/// <summary>
/// A civil-defense work or shelter (công trình phòng thủ dân sự, nơi trú ẩn, điểm sơ tán): where
/// people go, how many fit, and what it offers.
/// </summary>
public sealed class Shelter : IUnitResource, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OwnerOrganizationId { get; set; }

    /// <summary>Owner as written when it is not a registered organisation (a parish, a private school).</summary>
    public string? OwnerName { get; set; }

    public ShelterKind Kind { get; set; }

    /// <summary>What a dual-use building is in normal times.</summary>
    public BuildingUse? BuildingUse { get; set; }

    public required string Name { get; set; }

    public string? Address { get; set; }

    /// <summary>People it can take.</summary>
    public int Capacity { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Floors above the highest recorded flood level (0: none).</summary>
    public int? FloorsAboveFloodLevel { get; set; }

    public bool HasWater { get; set; }

    public bool HasPower { get; set; }

    public bool HasToilets { get; set; }

    public bool HasMedical { get; set; }

    /// <summary>Access for people with disabilities.</summary>
    public bool IsAccessible { get; set; }

    public AssetCondition Condition { get; set; }

    public DateOnly? LastInspectedOn { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}

public enum ShelterKind
{
    /// <summary>Công trình ngầm.</summary>
    UndergroundWork,
    /// <summary>Hang động tự nhiên.</summary>
    NaturalCave,
    /// <summary>Công trình dân dụng lưỡng dụng (trường học, trụ sở, nhà thờ, chùa).</summary>
    DualUseBuilding,
    /// <summary>Điểm sơ tán tập trung.</summary>
    EvacuationCentre,
}

public enum BuildingUse
{
    School,
    Office,
    Church,
    Pagoda,
    CommunityHall,
    Other,
}
