using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>Command boards in the actor's scope, by unit subtree and state.</summary>
public sealed class ListBoards(PtdsDbContext db)
{
    public sealed record Query(int? UnitId = null, bool? IsActive = null);

    public async Task<Page<BoardSummary>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        var boards = db.CommandBoards.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            // A unit out of scope has no visible path, and so no boards.
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            boards = path is null ? boards.Where(b => false) : boards.Where(b => b.Unit.Path.StartsWith(path));
        }

        if (query.IsActive is { } active)
        {
            boards = boards.Where(b => b.IsActive == active);
        }

        return await boards
            .OrderBy(b => b.Unit.Path).ThenBy(b => b.Id)
            .Select(b => new BoardSummary(
                b.Id, b.UnitId, b.Unit.FullName, b.Name, b.StandingAgencyId, b.StandingAgency != null ? b.StandingAgency.Name : null,
                b.EstablishingDecision, b.EstablishedOn, b.IsActive,
                db.BoardMembers.Count(m => m.BoardId == b.Id && m.IsActive),
                db.BoardMembers.Where(m => m.BoardId == b.Id && m.IsActive && m.Role == BoardRole.Head).Select(m => m.FullName).FirstOrDefault(),
                b.Version))
            .ToPageAsync(page, ct);
    }
}
