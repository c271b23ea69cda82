using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Resources;

/// <summary>
/// Equipment of one type held at one place (phương tiện, trang thiết bị): a single item or a lot.
/// A private lot is a dual-use civilian asset that may be requisitioned (huy động), recorded with its owner.
/// </summary>
public sealed class EquipmentLot : IUnitResource, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OwnerOrganizationId { get; set; }

    public int EquipmentTypeId { get; set; }

    public EquipmentType EquipmentType { get; set; } = null!;

    public int Quantity { get; set; }

    public AssetCondition Condition { get; set; }

    public string? Location { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateOnly? MaintenanceDue { get; set; }

    public bool IsPrivate { get; set; }

    public string? PrivateOwnerName { get; set; }

    public string? PrivateOwnerPhone { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}
