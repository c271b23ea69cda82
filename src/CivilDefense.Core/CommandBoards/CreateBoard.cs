using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>Establishes the command board of a unit in scope; a unit has at most one active board.</summary>
public sealed class CreateBoard(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int UnitId,
        [property: Required, StringLength(250, MinimumLength = 1)] string Name,
        int? StandingAgencyId,
        [property: StringLength(250)] string? EstablishingDecision,
        DateOnly? EstablishedOn);

    public async Task<Result<BoardDetails>> HandleAsync(Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        // A unit out of scope is reported as missing, as reading it would be.
        var unitPath = await db.Units.Where(u => u.Id == input.UnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null)
        {
            return new NotFoundError("No such administrative unit.");
        }

        if (await BoardRules.CheckOneActiveBoardAsync(db, input.UnitId, null, nameof(Input.UnitId), ct) is { } duplicate)
        {
            return duplicate;
        }

        if (await BoardRules.CheckStandingAgencyAsync(db, input.StandingAgencyId, unitPath, nameof(Input.StandingAgencyId), ct) is { } agency)
        {
            return agency;
        }

        var board = new CommandBoard
        {
            UnitId = input.UnitId,
            Name = input.Name.Trim(),
            StandingAgencyId = input.StandingAgencyId,
            EstablishingDecision = Text.Blank(input.EstablishingDecision),
            EstablishedOn = input.EstablishedOn,
        };
        db.CommandBoards.Add(board);
        await db.SaveChangesAsync(ct);
        return (await new GetBoard(db).HandleAsync(board.Id, ct)).Value!;
    }
}

/// <summary>Form helpers shared by the board handlers.</summary>
internal static class Text
{
    /// <summary>Forms post empty strings for empty fields; the database keeps those as null.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
