using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>What a member form or request carries.</summary>
public sealed record MemberInput(
    [property: Required, StringLength(200, MinimumLength = 1)] string FullName,
    [property: Required, StringLength(250, MinimumLength = 1)] string Position,
    [property: Required] BoardRole Role,
    int? OrganizationId,
    [property: RegularExpression(@"^[0-9+()\-. ]{3,30}$")] string? Phone,
    [property: EmailAddress, StringLength(250)] string? Email);

/// <summary>Appoints a member; a board has at most one active head.</summary>
public sealed class AddMember(PtdsDbContext db)
{
    public async Task<Result<MemberView>> HandleAsync(int boardId, MemberInput input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!await db.CommandBoards.AnyAsync(b => b.Id == boardId, ct))
        {
            return new NotFoundError("No such command board.");
        }

        if (await BoardRules.CheckOneHeadAsync(db, boardId, input.Role, null, nameof(MemberInput.Role), ct) is { } head)
        {
            return head;
        }

        if (await BoardRules.CheckMemberOrganizationAsync(db, input.OrganizationId, nameof(MemberInput.OrganizationId), ct) is { } organization)
        {
            return organization;
        }

        var member = new BoardMember
        {
            BoardId = boardId,
            FullName = input.FullName.Trim(),
            Position = input.Position.Trim(),
            Role = input.Role,
            OrganizationId = input.OrganizationId,
            Phone = Text.Blank(input.Phone),
            Email = Text.Blank(input.Email),
        };
        db.BoardMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return await MemberViews.LoadAsync(db, member.Id, ct);
    }
}

/// <summary>Edits a member; 409 on a stale version, and still at most one active head.</summary>
public sealed class UpdateMember(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int Version,
        [property: Required, StringLength(200, MinimumLength = 1)] string FullName,
        [property: Required, StringLength(250, MinimumLength = 1)] string Position,
        [property: Required] BoardRole Role,
        int? OrganizationId,
        [property: RegularExpression(@"^[0-9+()\-. ]{3,30}$")] string? Phone,
        [property: EmailAddress, StringLength(250)] string? Email);

    public async Task<Result<MemberView>> HandleAsync(int boardId, int memberId, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        var member = await db.BoardMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.BoardId == boardId, ct);
        if (member is null)
        {
            return new NotFoundError("No such board member.");
        }

        if (member.Version != input.Version)
        {
            return new ConflictError();
        }

        if (member.IsActive && await BoardRules.CheckOneHeadAsync(db, boardId, input.Role, memberId, nameof(Input.Role), ct) is { } head)
        {
            return head;
        }

        if (await BoardRules.CheckMemberOrganizationAsync(db, input.OrganizationId, nameof(Input.OrganizationId), ct) is { } organization)
        {
            return organization;
        }

        // The version read by the client is the one the database must still hold (optimistic concurrency).
        db.Entry(member).Property(m => m.Version).OriginalValue = input.Version;
        member.FullName = input.FullName.Trim();
        member.Position = input.Position.Trim();
        member.Role = input.Role;
        member.OrganizationId = input.OrganizationId;
        member.Phone = Text.Blank(input.Phone);
        member.Email = Text.Blank(input.Email);
        await db.SaveChangesAsync(ct);
        return await MemberViews.LoadAsync(db, member.Id, ct);
    }
}

/// <summary>
/// Relieves or reinstates a member. Members are not deleted: the roster history names them.
/// Reinstating a head is refused while another head is active.
/// </summary>
public sealed class SetMemberActive(PtdsDbContext db)
{
    public async Task<Result<MemberView>> HandleAsync(int boardId, int memberId, bool active, CancellationToken ct)
    {
        var member = await db.BoardMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.BoardId == boardId, ct);
        if (member is null)
        {
            return new NotFoundError("No such board member.");
        }

        if (member.IsActive != active)
        {
            if (active && await BoardRules.CheckOneHeadAsync(db, boardId, member.Role, memberId, nameof(BoardMember.Role), ct) is { } head)
            {
                return head;
            }

            member.IsActive = active;
            await db.SaveChangesAsync(ct);
        }

        return await MemberViews.LoadAsync(db, member.Id, ct);
    }
}

internal static class MemberViews
{
    public static async Task<MemberView> LoadAsync(PtdsDbContext db, int id, CancellationToken ct) =>
        await db.BoardMembers.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new MemberView(m.Id, m.BoardId, m.FullName, m.Position, m.Role, m.OrganizationId,
                m.Organization != null ? m.Organization.Name : null, m.Phone, m.Email, m.IsActive, m.Version))
            .SingleAsync(ct);
}
