using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>One board: members grouped by role and the duty roster ahead. Out of scope reads as not found.</summary>
public sealed class GetBoard(PtdsDbContext db)
{
    /// <summary>How far ahead the board page shows the roster.</summary>
    public static readonly TimeSpan RosterHorizon = TimeSpan.FromDays(14);

    /// <summary>The clock the roster is read against, so pages default their forms to the same day.</summary>
    public DateTime Now => db.Clock.GetUtcNow().UtcDateTime;

    public async Task<Result<BoardDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var b = await db.CommandBoards.AsNoTracking().Where(b => b.Id == id).Select(b => new
        {
            Board = b,
            UnitName = b.Unit.FullName,
            UnitPath = b.Unit.Path,
            AgencyName = b.StandingAgency != null ? b.StandingAgency.Name : null,
        }).SingleOrDefaultAsync(ct);
        if (b is null)
        {
            return new NotFoundError("No such command board.");
        }

        var members = await db.BoardMembers.AsNoTracking().Where(m => m.BoardId == id)
            .OrderBy(m => m.Id)
            .Select(m => new MemberView(m.Id, m.BoardId, m.FullName, m.Position, m.Role, m.OrganizationId,
                m.Organization != null ? m.Organization.Name : null, m.Phone, m.Email, m.IsActive, m.Version))
            .ToListAsync(ct);
        var groups = BoardRoles.ByRank
            .Select(role => new RoleGroup(role, members.Where(m => m.Role == role).OrderByDescending(m => m.IsActive).ThenBy(m => m.Id).ToList()))
            .ToList();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var shifts = await ListShifts.QueryAsync(db, id, now, now + RosterHorizon, ct);
        var board = b.Board;
        return new BoardDetails(
            board.Id, board.UnitId, b.UnitName, b.UnitPath, board.Name, board.StandingAgencyId, b.AgencyName,
            board.EstablishingDecision, board.EstablishedOn, board.IsActive, board.Version, groups, shifts);
    }
}
