using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans;

/// <summary>
/// A plan's unit read past the units' scope filter: a commune carries out the province's plan, so it
/// needs the plan's unit path and name although the province's unit record lies outside its subtree.
/// A separate query on purpose: IgnoreQueryFilters inside a larger query would lift every filter of it.
/// </summary>
internal static class PlanUnits
{
    public static async Task<(string Path, string Name, string FullName)?> OfAsync(PtdsDbContext db, int unitId, CancellationToken ct)
    {
        var unit = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId)
            .Select(u => new { u.Path, u.Name, u.FullName }).SingleOrDefaultAsync(ct);
        return unit is null ? null : (unit.Path, unit.Name, unit.FullName);
    }

    public static async Task<Dictionary<int, string>> FullNamesAsync(PtdsDbContext db, IEnumerable<int> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        return await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
    }
}
