using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>Draft warnings in the actor's scope, newest first, optionally of one status.</summary>
public sealed class ListWarnings(PtdsDbContext db)
{
    public async Task<IReadOnlyList<DraftWarningView>> HandleAsync(WarningStatus? status, int? stationId, CancellationToken ct)
    {
        var query = db.DraftWarnings.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        if (stationId is { } id)
        {
            query = query.Where(d => d.StationId == id);
        }

        return await query.OrderByDescending(d => d.RaisedAt).ThenByDescending(d => d.Id).Take(500)
            .Select(d => new DraftWarningView(d.Id, d.StationId, d.Station.Code, d.Station.Name, d.UnitId, d.Unit.Name, d.Hazard, d.Level, d.PreviousLevel,
                d.ExplanationVi, d.ExplanationEn, d.ObservedAt, d.RaisedAt, d.Status, d.AutoIssue, d.ReviewedAt, d.ReviewNote, d.Version, d.AlertId))
            .ToListAsync(ct);
    }
}

/// <summary>The operator's review of a draft: mark it ready to issue, or dismiss it (with a note).</summary>
public sealed class ReviewWarning(PtdsDbContext db)
{
    public async Task<Result<DraftWarningView>> HandleAsync(int id, WarningStatus decision, string? note, int version, CancellationToken ct)
    {
        if (decision is not (WarningStatus.Ready or WarningStatus.Dismissed))
        {
            return ValidationError.ForField("decision", "Decide Ready or Dismissed; a warning is issued by the alerting feature.");
        }

        var draft = await db.DraftWarnings.Include(d => d.Unit).Include(d => d.Station).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (draft is null)
        {
            return new NotFoundError("No such warning.");
        }

        if (!AccessPolicy.CanWrite(db.Actor, Resource.Monitoring, draft.Unit.Path))
        {
            return new ForbiddenError("You may not review warnings of this unit.");
        }

        if (draft.Version != version)
        {
            return new ConflictError();
        }

        if (draft.Status is WarningStatus.Issued or WarningStatus.Dismissed)
        {
            return new ValidationError($"The warning is already {draft.Status}.");
        }

        if (note is { Length: > 1000 })
        {
            return ValidationError.ForField("note", "At most 1,000 characters.");
        }

        draft.Status = decision;
        draft.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        draft.ReviewedAt = db.Clock.GetUtcNow().UtcDateTime;
        draft.ReviewedByUserId = db.Actor.UserId;
        await db.SaveChangesAsync(ct);
        return DraftWarningView.Of(draft, draft.Station.Name, draft.Station.Code, draft.Unit.Name);
    }
}
