using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>One unit with its place in the tree and its pre-/post-reform links. Out of scope reads as not found.</summary>
public sealed class GetUnit(PtdsDbContext db)
{
    public async Task<Result<UnitDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            Unit = u,
            HasBoundary = u.Boundary != null,
            Children = db.Units.Count(c => c.ParentId == u.Id),
            Organizations = db.Organizations.Count(o => o.UnitId == u.Id),
            Boards = db.CommandBoards.Count(b => b.UnitId == u.Id),
        }).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return new NotFoundError("No such administrative unit.");
        }

        var u = unit.Unit;
        var ancestorIds = u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).Where(a => a != u.Id).ToList();
        // Ancestors above the actor's own unit are filtered out: the breadcrumb starts where their view does.
        var ancestors = await db.Units.AsNoTracking().Where(a => ancestorIds.Contains(a.Id))
            .OrderBy(a => a.Level).Select(a => new UnitCrumb(a.Id, a.Code, a.Name)).ToListAsync(ct);
        var predecessors = await db.UnitSuccessions.AsNoTracking().Where(s => s.SuccessorId == id)
            .Where(s => db.Units.Any(p => p.Id == s.PredecessorId))
            .OrderBy(s => s.Predecessor.Code)
            .Select(s => new SuccessionLink(s.PredecessorId, s.Predecessor.Code, s.Predecessor.FullName, s.IsPartial, s.EffectiveOn, s.Note))
            .ToListAsync(ct);
        var successors = await db.UnitSuccessions.AsNoTracking().Where(s => s.PredecessorId == id)
            .Where(s => db.Units.Any(n => n.Id == s.SuccessorId))
            .OrderBy(s => s.Successor.Code)
            .Select(s => new SuccessionLink(s.SuccessorId, s.Successor.Code, s.Successor.FullName, s.IsPartial, s.EffectiveOn, s.Note))
            .ToListAsync(ct);
        return new UnitDetails(
            u.Id, u.Code, u.ParentId, u.Kind, u.Level, u.Name, u.NameEn, u.FullName, u.FullNameEn,
            u.Population, u.PopulationYear, u.Households, u.AreaKm2, u.CentroidLat, u.CentroidLon,
            unit.HasBoundary, u.ValidFrom, u.ValidTo, u.Version,
            ancestors, unit.Children, unit.Organizations, unit.Boards, predecessors, successors);
    }
}
