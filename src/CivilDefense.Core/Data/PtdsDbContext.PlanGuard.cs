using CivilDefense.Core.Access;
using CivilDefense.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilDefense.Core.Data;

/// <summary>Where plan records belong, for the write guard (see PtdsDbContext.WriteGuard.cs).</summary>
public sealed partial class PtdsDbContext
{
    /// <summary>
    /// The plan's own records are written by its unit. An assignment's progress belongs to the
    /// implementing body (a liaison files only its own organisation's), while creating or removing
    /// assignments is the plan owner's decision; reviewing a report is the plan owner's, or a
    /// liaison's of a body that leads the task.
    /// </summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)?> DescribePlanRecordAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case Plan plan:
                var paths = await PathsAsync(entry, nameof(Plan.UnitId), ct);
                plan.UnitPath = paths[^1];
                return (Resource.Plans, paths, null);
            case PlanRevision or PlanSection or PlanTaskGroup or PlanTask:
                return (Resource.Plans, [await PlanUnitPathAsync(KeyValue(entry, "PlanId"), ct)], null);
            case PlanTaskBody:
                return (Resource.Plans, [await TaskPlanUnitPathAsync(KeyValue(entry, nameof(PlanTaskBody.TaskId)), ct)], null);
            case BodyAlias:
                return (Resource.Plans, await PathsAsync(entry, nameof(BodyAlias.UnitId), ct), null);
            case PlanAssignment assignment when entry.State is EntityState.Added or EntityState.Deleted
                || entry.Property(nameof(PlanAssignment.IsActive)).IsModified:
                return (Resource.Plans, [await TaskPlanUnitPathAsync(KeyValue(entry, nameof(PlanAssignment.TaskId)), ct)], null);
            case PlanAssignment assignment:
                return (Resource.Plans, [await UnitPathAsync(assignment.UnitId, ct)], assignment.OrganizationId);
            case ProgressReport report when entry.State == EntityState.Modified && entry.Property(nameof(ProgressReport.ReviewState)).IsModified:
                return await DescribeReviewAsync(report, ct);
            case ProgressReport:
                return await AssignmentOwnerAsync(KeyValue(entry, nameof(ProgressReport.AssignmentId)), ct);
            case Plans.Tracking.PlanReminder reminder:
                // Raised by the hourly sweep (the system); kept where the body's assignment is.
                return await AssignmentOwnerAsync(reminder.AssignmentId, ct);
            case ReportAttachment:
                var reportId = KeyValue(entry, nameof(ReportAttachment.ReportId));
                var reportEntry = Tracked<ProgressReport>(reportId);
                var assignmentId = reportEntry is not null
                    ? KeyValue(reportEntry, nameof(ProgressReport.AssignmentId))
                    : await ProgressReports.IgnoreQueryFilters().Where(r => r.Id == reportId).Select(r => r.AssignmentId).SingleAsync(ct);
                return await AssignmentOwnerAsync(assignmentId, ct);
            default:
                return null;
        }
    }

    private async Task<(Resource, string[], int?)> DescribeReviewAsync(ProgressReport report, CancellationToken ct)
    {
        var facts = await PlanAssignments.IgnoreQueryFilters()
            .Where(a => a.Id == report.AssignmentId)
            .Select(a => new
            {
                UnitPath = a.Unit.Path,
                PlanPath = a.Task.Plan.Unit.Path,
                ReviewerLeads = report.ReviewerOrganizationId != null
                    && a.Task.Bodies.Any(b => b.Role == BodyRole.Lead && b.OrganizationId == report.ReviewerOrganizationId),
            })
            .SingleAsync(ct);
        return facts.ReviewerLeads
            ? (Resource.Plans, [facts.UnitPath], report.ReviewerOrganizationId)
            : (Resource.Plans, [facts.PlanPath], null);
    }

    private async Task<(Resource, string[], int?)> AssignmentOwnerAsync(int assignmentId, CancellationToken ct)
    {
        var local = Tracked<PlanAssignment>(assignmentId);
        if (local is { Entity: PlanAssignment tracked })
        {
            return (Resource.Plans, [await UnitPathAsync(tracked.UnitId, ct)], tracked.OrganizationId);
        }

        var owner = await PlanAssignments.IgnoreQueryFilters().Where(a => a.Id == assignmentId)
            .Select(a => new { a.Unit.Path, a.OrganizationId })
            .SingleOrDefaultAsync(ct) ?? throw new AccessDeniedException("The assignment does not exist.");
        return (Resource.Plans, [owner.Path], owner.OrganizationId);
    }

    /// <summary>
    /// Plan unit paths seen in this context: an import writes thousands of rows of one plan, and
    /// looking the path up per row made it slow. A plan moving to another unit in the same context
    /// would be judged by its old unit; nothing moves plans.
    /// </summary>
    private readonly Dictionary<int, string> _planPaths = [];

    private async Task<string> PlanUnitPathAsync(int planId, CancellationToken ct)
    {
        if (_planPaths.TryGetValue(planId, out var path))
        {
            return path;
        }

        // A plan tracked here (new ones under their temporary id) is judged by its unit as it is now.
        var local = Tracked<Plan>(planId);
        path = local is not null
            ? await UnitPathAsync(KeyValue(local, nameof(Plan.UnitId)), ct)
            : await Plans.IgnoreQueryFilters().Where(p => p.Id == planId).Select(p => p.Unit.Path).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The plan does not exist.");
        _planPaths[planId] = path;
        return path;
    }

    private async Task<string> TaskPlanUnitPathAsync(int taskId, CancellationToken ct)
    {
        var local = Tracked<PlanTask>(taskId);
        var planId = local is not null
            ? KeyValue(local, nameof(PlanTask.PlanId))
            : await PlanTasks.IgnoreQueryFilters().Where(t => t.Id == taskId).Select(t => (int?)t.PlanId).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The task does not exist.");
        return await PlanUnitPathAsync(planId, ct);
    }
}
