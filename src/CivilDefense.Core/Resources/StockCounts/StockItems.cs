using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.StockCounts;

/// <summary>A countable item of a unit: a supply stock or an equipment lot, with its current quantity.</summary>
public sealed record StockItem(StockItemKind Kind, int Id, string Name, string UnitOfMeasure, double Quantity);

public static class StockItems
{
    /// <summary>Everything a unit counts (its own records, not its subtree's), keyed by kind and id.</summary>
    public static async Task<Dictionary<(StockItemKind, int), StockItem>> OfUnitAsync(PtdsDbContext db, int unitId, CancellationToken ct)
    {
        var supplies = await db.SupplyStocks.AsNoTracking().Where(s => s.UnitId == unitId).OrderBy(s => s.Category).ThenBy(s => s.ItemName)
            .Select(s => new StockItem(StockItemKind.Supply, s.Id, s.ItemName, s.UnitOfMeasure, s.Quantity)).ToListAsync(ct);
        var equipment = await db.EquipmentLots.AsNoTracking().Where(l => l.UnitId == unitId).OrderBy(l => l.EquipmentType.Category).ThenBy(l => l.Id)
            .Select(l => new StockItem(StockItemKind.Equipment, l.Id, l.EquipmentType.NameVi + (l.Location == null ? "" : " — " + l.Location), l.EquipmentType.UnitOfMeasure, l.Quantity))
            .ToListAsync(ct);
        return supplies.Concat(equipment).ToDictionary(i => (i.Kind, i.Id));
    }
}
