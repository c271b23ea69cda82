namespace CivilDefense.Core.Resources;

/// <summary>
/// An entry of the national equipment catalogue (danh mục phương tiện, trang thiết bị): what a
/// lot of equipment is, and what one item of it can do (people per boat, m³/h per pump, kW per
/// generator). Not scoped: the catalogue belongs to the root unit and every user reads it.
/// </summary>
public sealed class EquipmentType : Common.IVersioned
{
    public int Id { get; set; }

    /// <summary>Short stable code used in import files (e.g. BOAT-12).</summary>
    public required string Code { get; set; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public EquipmentCategory Category { get; set; }

    /// <summary>Unit of measure of the quantity (chiếc, cái, bộ).</summary>
    public required string UnitOfMeasure { get; set; }

    public double? CapacityValue { get; set; }

    /// <summary>What the capacity counts, per item: "people", "m3/h", "kW", "litres".</summary>
    public string? CapacityUnit { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}

public enum EquipmentCategory
{
    Boat,
    Pump,
    Generator,
    FireEngine,
    RescueKit,
    LifeJacket,
    Tent,
    Vehicle,
    Other,
}
