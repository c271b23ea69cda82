using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>
/// Applies a draft count: every counted item takes its counted quantity, the quantity it had is
/// kept on the line, and the count becomes applied, all in one save (one transaction). An item
/// deleted since the draft was submitted fails the whole count.
/// </summary>
public sealed class ApplyStockCount(PtdsDbContext db)
{
    public async Task<Result<StockCountDetails>> HandleAsync(int id, int version, CancellationToken ct)
    {
        var count = await db.StockCounts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (count is null)
        {
            return new NotFoundError("No such stock count.");
        }

        if (count.Version != version)
        {
            return new ConflictError();
        }

        if (count.State != StockCountState.Draft)
        {
            return new ValidationError($"This count is already {count.State.ToString().ToLowerInvariant()}.");
        }

        var supplyIds = count.Lines.Where(l => l.ItemKind == StockItemKind.Supply).Select(l => l.ItemId).ToList();
        var lotIds = count.Lines.Where(l => l.ItemKind == StockItemKind.Equipment).Select(l => l.ItemId).ToList();
        var supplies = await db.SupplyStocks.Where(s => supplyIds.Contains(s.Id) && s.UnitId == count.UnitId).ToDictionaryAsync(s => s.Id, ct);
        var lots = await db.EquipmentLots.Where(l => lotIds.Contains(l.Id) && l.UnitId == count.UnitId).ToDictionaryAsync(l => l.Id, ct);
        var gone = count.Lines.Where(l => l.ItemKind == StockItemKind.Supply ? !supplies.ContainsKey(l.ItemId) : !lots.ContainsKey(l.ItemId)).ToList();
        if (gone.Count > 0)
        {
            return new ValidationError("Items of this count no longer exist: " + string.Join(", ", gone.Select(l => l.ItemName)) + ". Submit a new count.");
        }

        foreach (var line in count.Lines)
        {
            if (line.ItemKind == StockItemKind.Supply)
            {
                line.PreviousQuantity = supplies[line.ItemId].Quantity;
                supplies[line.ItemId].Quantity = line.CountedQuantity;
            }
            else
            {
                line.PreviousQuantity = lots[line.ItemId].Quantity;
                lots[line.ItemId].Quantity = (int)Math.Round(line.CountedQuantity);
            }
        }

        db.Entry(count).Property(c => c.Version).OriginalValue = version;
        count.State = StockCountState.Applied;
        count.AppliedAt = db.Clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);

        // The count moves the commune's score: record it as a point of the readiness trend.
        await new Readiness.RecordSnapshots(db).HandleAsync(count.UnitId, "count", ct);
        return (await new GetStockCount(db).HandleAsync(id, ct)).Value!;
    }
}

/// <summary>Discards a draft count (a mistaken submission); it stays in the history as discarded.</summary>
public sealed class DiscardStockCount(PtdsDbContext db)
{
    public async Task<Result<StockCountDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var count = await db.StockCounts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (count is null)
        {
            return new NotFoundError("No such stock count.");
        }

        if (count.State != StockCountState.Draft)
        {
            return new ValidationError("Only a draft count can be discarded.");
        }

        count.State = StockCountState.Discarded;
        await db.SaveChangesAsync(ct);
        return (await new GetStockCount(db).HandleAsync(id, ct)).Value!;
    }
}
