using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>The history of counts in scope, newest first, optionally of one unit.</summary>
public sealed class ListStockCounts(PtdsDbContext db)
{
    public async Task<Page<StockCountSummary>> HandleAsync(int? unitId, PageQuery page, CancellationToken ct)
    {
        var counts = db.StockCounts.AsNoTracking();
        if (unitId is { } id)
        {
            counts = counts.Where(c => c.UnitId == id);
        }

        return await counts.OrderByDescending(c => c.CountedOn).ThenByDescending(c => c.Id)
            .Select(c => new StockCountSummary(c.Id, c.UnitId, c.Unit.FullName, c.CountedOn, c.SubmittedBy, c.State, c.AppliedAt, c.Lines.Count, c.Version))
            .ToPageAsync(page, ct);
    }
}
