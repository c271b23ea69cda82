using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>A count with its differences: for a draft against the registry now (the preview), for an applied count as applied.</summary>
public sealed class GetStockCount(PtdsDbContext db)
{
    public async Task<Result<StockCountDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var count = await db.StockCounts.AsNoTracking().Include(c => c.Lines).Include(c => c.Unit).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (count is null)
        {
            return new NotFoundError("No such stock count.");
        }

        var current = count.State == StockCountState.Draft ? await StockItems.OfUnitAsync(db, count.UnitId, ct) : null;
        var lines = count.Lines.OrderBy(l => l.ItemKind).ThenBy(l => l.ItemName).ThenBy(l => l.Id).Select(l =>
        {
            // A draft's item may have been deleted since it was submitted: it then has no "before".
            var before = current is null ? l.PreviousQuantity : current.TryGetValue((l.ItemKind, l.ItemId), out var item) ? item.Quantity : null;
            return new StockCountLineView(l.ItemKind, l.ItemId, l.ItemName, l.UnitOfMeasure, before, l.CountedQuantity, l.CountedQuantity - before, l.Note);
        }).ToList();
        return new StockCountDetails(count.Id, count.UnitId, count.Unit.FullName, count.CountedOn, count.SubmittedBy, count.SubmittedAt, count.State,
            count.AppliedAt, count.Note, count.Version, lines);
    }
}
