using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Resources;

/// <summary>
/// A stockpile of one supply item (vật tư, nhu yếu phẩm dự trữ). The quantity is a double, not a
/// decimal: SQLite stores decimals as text and cannot sum or compare them in SQL, and the
/// readiness roll-up sums stocks over thousands of communes.
/// </summary>
public sealed class SupplyStock : IUnitResource, IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public int? OwnerOrganizationId { get; set; }

    public SupplyCategory Category { get; set; }

    public required string ItemName { get; set; }

    public double Quantity { get; set; }

    /// <summary>Unit of the quantity: kg, litre, box, bag…</summary>
    public required string UnitOfMeasure { get; set; }

    public int? StoragePointId { get; set; }

    public LogisticsPoint? StoragePoint { get; set; }

    public DateOnly? ExpiresOn { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }
}

public enum SupplyCategory
{
    /// <summary>Lương thực (gạo, mì…).</summary>
    Food,
    /// <summary>Nước uống.</summary>
    DrinkingWater,
    /// <summary>Thuốc, vật tư y tế.</summary>
    Medicine,
    /// <summary>Bao cát.</summary>
    Sandbags,
    /// <summary>Nhiên liệu.</summary>
    Fuel,
    Other,
}
