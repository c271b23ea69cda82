namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>One counted item against the registry: before (now in the registry, or as it was when applied), after, and the change.</summary>
public sealed record StockCountLineView(
    StockItemKind ItemKind, int ItemId, string ItemName, string UnitOfMeasure, double? Before, double After, double? Delta, string? Note);

/// <summary>A count with its lines; while a draft, "before" is the registry's current quantity (the preview).</summary>
public sealed record StockCountDetails(
    int Id, int UnitId, string UnitName, DateOnly CountedOn, string SubmittedBy, DateTime SubmittedAt, StockCountState State,
    DateTime? AppliedAt, string? Note, int Version, IReadOnlyList<StockCountLineView> Lines)
{
    public int ChangedLines => Lines.Count(l => l.Delta is not 0);
}

/// <summary>A count in the history list.</summary>
public sealed record StockCountSummary(
    int Id, int UnitId, string UnitName, DateOnly CountedOn, string SubmittedBy, StockCountState State, DateTime? AppliedAt, int LineCount, int Version);
