using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.CommandBoards;

/// <summary>The shifts of a board that overlap a period (UTC).</summary>
public sealed class ListShifts(PtdsDbContext db)
{
    /// <summary>A quarter at most per request, so no one pulls years of roster at once.</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(92);

    public async Task<Result<IReadOnlyList<ShiftView>>> HandleAsync(int boardId, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (!await db.CommandBoards.AnyAsync(b => b.Id == boardId, ct))
        {
            return new NotFoundError("No such command board.");
        }

        var start = from is { } f ? ToUtc(f) : db.Clock.GetUtcNow().UtcDateTime;
        var end = to is { } t ? ToUtc(t) : start + GetBoard.RosterHorizon;
        if (end <= start)
        {
            return ValidationError.ForField("to", "The end of the period is not after its start.");
        }

        if (end - start > MaxRange)
        {
            return ValidationError.ForField("to", "The period is longer than 92 days.");
        }

        return (await QueryAsync(db, boardId, start, end, ct)).ToList();
    }

    internal static async Task<IReadOnlyList<ShiftView>> QueryAsync(PtdsDbContext db, int boardId, DateTime from, DateTime to, CancellationToken ct) =>
        await db.DutyShifts.AsNoTracking()
            .Where(s => s.BoardId == boardId && s.StartsAt < to && s.EndsAt > from)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new ShiftView(s.Id, s.BoardId, s.MemberId, s.Member.FullName, s.Member.Role, s.StartsAt, s.EndsAt, s.Note, s.Version))
            .ToListAsync(ct);

    /// <summary>Times without a zone are taken as UTC, as the API documents.</summary>
    internal static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>Puts an active member of the board on duty; a member cannot hold two shifts at once.</summary>
public sealed class AddShift(PtdsDbContext db)
{
    public sealed record Input(
        [property: Required] int MemberId,
        [property: Required] DateTime StartsAt,
        [property: Required] DateTime EndsAt,
        [property: StringLength(500)] string? Note);

    public async Task<Result<ShiftView>> HandleAsync(int boardId, Input input, CancellationToken ct)
    {
        if (InputValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (!await db.CommandBoards.AnyAsync(b => b.Id == boardId, ct))
        {
            return new NotFoundError("No such command board.");
        }

        if (!await db.BoardMembers.AnyAsync(m => m.Id == input.MemberId && m.BoardId == boardId && m.IsActive, ct))
        {
            return ValidationError.ForField(nameof(Input.MemberId), "The person is not an active member of this board.");
        }

        var starts = ListShifts.ToUtc(input.StartsAt);
        var ends = ListShifts.ToUtc(input.EndsAt);
        if (ends <= starts)
        {
            return ValidationError.ForField(nameof(Input.EndsAt), "The shift must end after it starts.");
        }

        if (ends - starts > TimeSpan.FromDays(7))
        {
            return ValidationError.ForField(nameof(Input.EndsAt), "A shift cannot last more than 7 days.");
        }

        // Half-open periods: a shift may start the minute the previous one ends.
        if (await db.DutyShifts.AnyAsync(s => s.MemberId == input.MemberId && s.StartsAt < ends && s.EndsAt > starts, ct))
        {
            return ValidationError.ForField(nameof(Input.StartsAt), "The member already has a shift in this period.");
        }

        var shift = new DutyShift { BoardId = boardId, MemberId = input.MemberId, StartsAt = starts, EndsAt = ends, Note = Text.Blank(input.Note) };
        db.DutyShifts.Add(shift);
        await db.SaveChangesAsync(ct);
        return await db.DutyShifts.AsNoTracking().Where(s => s.Id == shift.Id)
            .Select(s => new ShiftView(s.Id, s.BoardId, s.MemberId, s.Member.FullName, s.Member.Role, s.StartsAt, s.EndsAt, s.Note, s.Version))
            .SingleAsync(ct);
    }
}

/// <summary>Takes a shift off the roster; the audit trail keeps what it was.</summary>
public sealed class RemoveShift(PtdsDbContext db)
{
    public async Task<Result<bool>> HandleAsync(int boardId, int shiftId, CancellationToken ct)
    {
        var shift = await db.DutyShifts.SingleOrDefaultAsync(s => s.Id == shiftId && s.BoardId == boardId, ct);
        if (shift is null)
        {
            return new NotFoundError("No such shift.");
        }

        db.DutyShifts.Remove(shift);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
