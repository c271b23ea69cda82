using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Resources;

/// <summary>A logistics point (điểm hậu cần): depot, field kitchen, medical point or fuel point.</summary>
public sealed class LogisticsPoint : IUnitResource, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OwnerOrganizationId { get; set; }

    public LogisticsPointKind Kind { get; set; }

    public required string Name { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>Free text: "200 m² kho, 30 t", "500 suất/bữa".</summary>
    public string? CapacityNote { get; set; }

    public int Version { get; set; }
}

public enum LogisticsPointKind
{
    /// <summary>Kho.</summary>
    Depot,
    /// <summary>Bếp ăn.</summary>
    Kitchen,
    /// <summary>Điểm y tế, sơ cứu.</summary>
    MedicalPoint,
    /// <summary>Điểm cấp nhiên liệu.</summary>
    FuelPoint,
}
