using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;

namespace CivilDefense.Core.Resources;

/// <summary>
/// A periodic stock count (kiểm kê) a commune submits as one batch. It is kept as a draft until
/// applied; applying sets every counted item's quantity in one transaction and records the
/// quantity each had before, so the history of counts shows what changed.
/// </summary>
public sealed class StockCount : IVersioned
{
    public int Id { get; set; }

    public int UnitId { get; set; }

    public AdministrativeUnit Unit { get; set; } = null!;

    public DateOnly CountedOn { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTime SubmittedAt { get; set; }

    public StockCountState State { get; set; }

    public DateTime? AppliedAt { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public List<StockCountLine> Lines { get; set; } = [];
}

/// <summary>
/// One counted item. The item is referenced by kind and id without a foreign key, and its name
/// and unit are copied, so the history survives the item being deleted later.
/// </summary>
public sealed class StockCountLine
{
    public int Id { get; set; }

    public int StockCountId { get; set; }

    public StockCount StockCount { get; set; } = null!;

    public StockItemKind ItemKind { get; set; }

    public int ItemId { get; set; }

    public required string ItemName { get; set; }

    public required string UnitOfMeasure { get; set; }

    /// <summary>The registry quantity when the count was applied (null while a draft).</summary>
    public double? PreviousQuantity { get; set; }

    public double CountedQuantity { get; set; }

    public string? Note { get; set; }
}

public enum StockCountState
{
    Draft,
    Applied,
    Discarded,
}

public enum StockItemKind
{
    Supply,
    Equipment,
}
