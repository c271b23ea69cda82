using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>One assignment with all its reports, and whether the actor may file or review them.</summary>
public sealed class GetAssignment(PtdsDbContext db)
{
    public async Task<Result<AssignmentDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var a = await db.PlanAssignments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id,
                x.Task.PlanId,
                PlanTitle = x.Task.Plan.Title,
                x.Task.Plan.ReportingPeriod,
                x.Task.Plan.IssuedOn,
                PlanUnitId = x.Task.Plan.UnitId,
                UnitPath = x.Unit.Path,
                x.TaskId,
                x.Task.Number,
                x.Task.Text,
                x.Task.TimingKind,
                x.Task.DueDate,
                x.Task.ToYear,
                x.OrganizationId,
                OrganizationName = x.Organization.Name,
                x.Status,
                x.Percent,
                x.IsActive,
                Latest = x.Reports.Where(r => r.ReviewState != ReviewState.Returned).Max(r => r.Period),
                Leads = x.Task.Bodies.Where(b => b.Role == BodyRole.Lead && b.OrganizationId != null).Select(b => b.OrganizationId).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return new NotFoundError("No such assignment.");
        }

        var reports = await db.ProgressReports.AsNoTracking().Include(r => r.Attachments).Where(r => r.AssignmentId == id)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        var actor = db.Actor;
        var planPath = (await PlanUnits.OfAsync(db, a.PlanUnitId, ct))!.Value.Path;
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var flags = TrackingFlags.Evaluate(new TrackingFacts(a.ReportingPeriod, a.IssuedOn, a.TimingKind, a.DueDate, a.ToYear, a.Status, a.Latest), today);
        var canFile = a.IsActive && AccessPolicy.CanWrite(actor, Resource.Plans, a.UnitPath, a.OrganizationId);
        var canReview = actor.Role == Role.AgencyLiaison
            ? a.Leads.Contains(actor.OrganizationId) && actor.Covers(a.UnitPath)
            : AccessPolicy.CanWrite(actor, Resource.Plans, planPath);
        return new AssignmentDetails(a.Id, a.PlanId, a.PlanTitle, a.Number, a.Text, a.OrganizationId, a.OrganizationName, a.Status, a.Percent, flags,
            canFile, canReview, reports.Select(ProgressReports.ToView).ToList());
    }
}

/// <summary>An attachment's bytes, if the actor can see its report.</summary>
public sealed class GetReportAttachment(PtdsDbContext db, AttachmentStore store)
{
    public sealed record File(string FileName, string ContentType, Stream Content);

    public async Task<Result<File>> HandleAsync(int reportId, int attachmentId, CancellationToken ct)
    {
        var attachment = await db.ReportAttachments.AsNoTracking().Where(x => x.Id == attachmentId && x.ReportId == reportId)
            .Select(x => new { x.FileName, x.ContentType, x.StoredName })
            .SingleOrDefaultAsync(ct);
        if (attachment is null || store.Open(attachment.StoredName) is not { } content)
        {
            return new NotFoundError("No such attachment.");
        }

        return new File(attachment.FileName, attachment.ContentType, content);
    }
}
