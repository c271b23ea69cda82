namespace CivilDefense.Core.Resources;

/// <summary>
/// A readiness record (lực lượng, phương tiện, vật tư, hậu cần, công trình) held by an
/// administrative unit and optionally owned by an organisation. The write guard judges every
/// such record by its unit and owner: an agency liaison writes only its own organisation's.
/// </summary>
public interface IUnitResource
{
    int Id { get; }

    int UnitId { get; }

    int? OwnerOrganizationId { get; }
}

/// <summary>Condition of equipment or of a shelter (tình trạng).</summary>
public enum AssetCondition
{
    Good,
    NeedsRepair,
    Unusable,
}
