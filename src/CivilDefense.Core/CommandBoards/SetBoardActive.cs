using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>
/// Dissolves or restores a board. Boards are never deleted: past rosters and decisions refer to
/// them. Restoring is refused while the unit has another active board.
/// </summary>
public sealed class SetBoardActive(PtdsDbContext db)
{
    public async Task<Result<BoardDetails>> HandleAsync(int id, bool active, CancellationToken ct)
    {
        var board = await db.CommandBoards.SingleOrDefaultAsync(b => b.Id == id, ct);
        if (board is null)
        {
            return new NotFoundError("No such command board.");
        }

        if (board.IsActive != active)
        {
            if (active && await BoardRules.CheckOneActiveBoardAsync(db, board.UnitId, board.Id, nameof(CommandBoard.IsActive), ct) is { } duplicate)
            {
                return duplicate;
            }

            board.IsActive = active;
            await db.SaveChangesAsync(ct);
        }

        return (await new GetBoard(db).HandleAsync(id, ct)).Value!;
    }
}
