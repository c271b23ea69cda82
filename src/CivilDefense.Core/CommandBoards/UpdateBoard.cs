using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>Edits a board's name, standing agency and establishing decision; 409 on a stale version.</summary>
public sealed class UpdateBoard(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required, StringLength(250, MinimumLength = 1)] string Name,
        int? StandingAgencyId,
        [property: StringLength(250)] string? EstablishingDecision,
        DateOnly? EstablishedOn);

    public async Task<Result<BoardDetails>> HandleAsync(int id, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var board = await db.CommandBoards.Include(b => b.Unit).SingleOrDefaultAsync(b => b.Id == id, ct);
        if (board is null)
        {
            return new NotFoundError("No such command board.");
        }

        if (board.Version != input.Version)
        {
            return new ConflictError();
        }

        if (await BoardRules.CheckStandingAgencyAsync(db, input.StandingAgencyId, board.Unit.Path, nameof(Input.StandingAgencyId), ct) is { } agency)
        {
            return agency;
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(board).Property(b => b.Version).OriginalValue = input.Version;
        board.Name = input.Name.Trim();
        board.StandingAgencyId = input.StandingAgencyId;
        board.EstablishingDecision = Text.Blank(input.EstablishingDecision);
        board.EstablishedOn = input.EstablishedOn;
        await db.SaveChangesAsync(ct);
        return (await new GetBoard(db).HandleAsync(id, ct)).Value!;
    }
}
