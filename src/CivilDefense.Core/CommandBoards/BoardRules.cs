using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>Checks that need the database, shared by the create and update handlers.</summary>
internal static class BoardRules
{
    /// <summary>The standing agency must be an organisation of the board's unit or a unit below it.</summary>
    public static async Task<ValidationError?> CheckStandingAgencyAsync(PtdsDbContext db, int? agencyId, string unitPath, string field, CancellationToken ct)
    {
        if (agencyId is not { } id)
        {
            return null;
        }

        var agencyPath = await db.Organizations.Where(o => o.Id == id).Select(o => o.Unit.Path).SingleOrDefaultAsync(ct);
        return agencyPath is not null && agencyPath.StartsWith(unitPath, StringComparison.Ordinal)
            ? null
            : ValidationError.ForField(field, "The standing agency must be an organisation of the board's unit.");
    }

    /// <summary>One active board per unit: two would split the chain of command.</summary>
    public static async Task<ValidationError?> CheckOneActiveBoardAsync(PtdsDbContext db, int unitId, int? exceptBoardId, string field, CancellationToken ct) =>
        await db.CommandBoards.IgnoreQueryFilters().AnyAsync(b => b.UnitId == unitId && b.IsActive && b.Id != exceptBoardId, ct)
            ? ValidationError.ForField(field, "This unit already has an active command board.")
            : null;

    /// <summary>At most one active head (Trưởng ban) per board.</summary>
    public static async Task<ValidationError?> CheckOneHeadAsync(PtdsDbContext db, int boardId, BoardRole role, int? exceptMemberId, string field, CancellationToken ct) =>
        role == BoardRole.Head && await db.BoardMembers.AnyAsync(m => m.BoardId == boardId && m.IsActive && m.Role == BoardRole.Head && m.Id != exceptMemberId, ct)
            ? ValidationError.ForField(field, "The board already has an active head.")
            : null;

    /// <summary>A member's organisation, when given, must exist in the actor's scope (members may come from any level, e.g. a border guard station).</summary>
    public static async Task<ValidationError?> CheckMemberOrganizationAsync(PtdsDbContext db, int? organizationId, string field, CancellationToken ct) =>
        organizationId is { } id && !await db.Organizations.AnyAsync(o => o.Id == id, ct)
            ? ValidationError.ForField(field, "The organisation does not exist.")
            : null;
}
