using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// The lead body (cơ quan chủ trì) or the plan's own unit accepts a report or returns it with a
/// note. A liaison reviews on behalf of its organisation, which must lead the task; others must be
/// able to write the plan. The assignment keeps the body's own status either way: a returned report
/// simply no longer counts as reporting, and an unaccepted one never reaches the yearly report.
/// </summary>
public sealed class ReviewProgressReport(PtdsDbContext db)
{
    public enum Decision
    {
        Accept,
        Return,
    }

    public sealed record Input(Decision Decision, string? Note = null, int? Version = null);

    public const int MaxNoteLength = 4000;

    public async Task<Result<ProgressReportView>> HandleAsync(int reportId, Input input, CancellationToken ct)
    {
        var found = await db.ProgressReports.Include(r => r.Attachments).Where(r => r.Id == reportId)
            .Select(r => new { Report = r, PlanUnitId = r.Assignment.Task.Plan.UnitId, UnitPath = r.Assignment.Unit.Path, r.Assignment.TaskId })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return new NotFoundError("No such report.");
        }

        var actor = db.Actor;
        var planPath = (await PlanUnits.OfAsync(db, found.PlanUnitId, ct))!.Value.Path;
        int? reviewer = null;
        if (actor.Role == Role.AgencyLiaison)
        {
            var leads = actor.OrganizationId is { } org
                && await db.PlanTaskBodies.AnyAsync(b => b.TaskId == found.TaskId && b.Role == BodyRole.Lead && b.OrganizationId == org, ct);
            if (!leads || !actor.Covers(found.UnitPath))
            {
                return new ForbiddenError("Only the task's lead body or the plan's unit may review this report.");
            }

            reviewer = actor.OrganizationId;
        }
        else if (!AccessPolicy.CanWrite(actor, Resource.Plans, planPath))
        {
            return new ForbiddenError("Only the task's lead body or the plan's unit may review this report.");
        }

        var report = found.Report;
        if (input.Version is { } version && version != report.Version)
        {
            return new ConflictError();
        }

        if (report.ReviewState != ReviewState.Submitted)
        {
            return ValidationError.ForField("decision", "This report has already been reviewed.");
        }

        var note = input.Note?.Trim();
        if (input.Decision == Decision.Return && string.IsNullOrEmpty(note))
        {
            return ValidationError.ForField("note", "Say why the report is returned.");
        }

        if (note?.Length > MaxNoteLength)
        {
            return ValidationError.ForField("note", $"The note may not exceed {MaxNoteLength} characters.");
        }

        report.ReviewState = input.Decision == Decision.Accept ? ReviewState.Accepted : ReviewState.Returned;
        report.ReviewNote = string.IsNullOrEmpty(note) ? null : note;
        report.ReviewedBy = actor.Name;
        report.ReviewedAt = db.Clock.GetUtcNow().UtcDateTime;
        report.ReviewerOrganizationId = reviewer;
        await db.SaveChangesAsync(ct);
        return ProgressReports.ToView(report);
    }
}
