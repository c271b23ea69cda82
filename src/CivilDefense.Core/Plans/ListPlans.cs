using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans;

/// <summary>Plans the actor can see: their own subtree's, and those of the units above that they carry out.</summary>
public sealed class ListPlans(PtdsDbContext db)
{
    public sealed record Query(int? UnitId = null, string? Search = null, bool? IsActive = true);

    public async Task<Page<PlanSummary>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            plans = plans.Where(p => p.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            plans = plans.Where(p => p.Title.ToLower().Contains(term) || (p.NumberSymbol != null && p.NumberSymbol.ToLower().Contains(term)));
        }

        if (query.IsActive is { } active)
        {
            plans = plans.Where(p => p.IsActive == active);
        }

        var found = await plans
            .OrderByDescending(p => p.IssuedOn).ThenByDescending(p => p.Id)
            .Select(p => new PlanSummary(
                p.Id, p.UnitId, "", p.Kind, p.NumberSymbol, p.Title, p.IssuedOn, p.Revision, p.ParentPlanId,
                db.PlanTasks.Count(t => t.PlanId == p.Id && t.IsActive),
                db.PlanAssignments.Count(a => a.Task.PlanId == p.Id && a.IsActive && a.Task.IsActive),
                db.PlanTaskBodies.Count(b => b.Task.PlanId == p.Id && b.Task.IsActive && b.OrganizationId == null),
                p.IsActive))
            .ToPageAsync(page, ct);

        // Unit names past the units' filter: a commune lists the province plans it carries out.
        var names = await PlanUnits.FullNamesAsync(db, found.Items.Select(p => p.UnitId), ct);
        return found with { Items = found.Items.Select(p => p with { UnitName = names.GetValueOrDefault(p.UnitId, "") }).ToList() };
    }
}
