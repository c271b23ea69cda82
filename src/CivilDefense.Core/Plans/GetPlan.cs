using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans;

/// <summary>One plan with its sections, groups, tasks, bodies, revisions and review list.</summary>
public sealed class GetPlan(PtdsDbContext db)
{
    public async Task<Result<PlanDetails>> HandleAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new
            {
                p.Id,
                p.UnitId,
                p.Kind,
                p.NumberSymbol,
                p.Title,
                p.IssuingBody,
                p.IssuedOn,
                p.IssuedAt,
                p.Signer,
                p.SignerTitle,
                p.ParentPlanId,
                ParentTitle = p.ParentPlan == null ? null : p.ParentPlan.Title,
                p.ReportingPeriod,
                p.IsNarrative,
                p.Revision,
                p.IsActive,
                p.Version,
            })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        // Past the units' filter: a commune reads the province plan it carries out.
        var unitName = (await PlanUnits.OfAsync(db, plan.UnitId, ct))!.Value.FullName;
        var sections = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == id).OrderBy(s => s.Order)
            .Select(s => new PlanSectionView(s.Kind, s.MilestoneYear, s.Text, s.ReportsTo, s.Frequency)).ToListAsync(ct);
        var bodies = (await db.PlanTaskBodies.AsNoTracking().Where(b => b.Task.PlanId == id && b.Task.IsActive).OrderBy(b => b.Order)
                .Select(b => new { b.TaskId, View = new TaskBodyView(b.Role, b.Mention, b.MentionKey, b.OrganizationId, b.Organization == null ? null : b.Organization.Name, b.Resolution) })
                .ToListAsync(ct))
            .ToLookup(b => b.TaskId, b => b.View);
        var tasks = (await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == id && t.IsActive).OrderBy(t => t.Order)
                .Select(t => new
                {
                    t.GroupId,
                    t.Id,
                    t.Number,
                    t.Text,
                    t.TimingKind,
                    t.TimingText,
                    t.DueDate,
                    t.ReviewReason,
                    t.ParentTaskId,
                    Assignments = t.Assignments.Count(a => a.IsActive),
                    Completed = t.Assignments.Count(a => a.IsActive && a.Status == AssignmentStatus.Completed),
                })
                .ToListAsync(ct))
            .ToLookup(t => t.GroupId, t => new PlanTaskView(t.Id, t.Number, t.Text, t.TimingKind, t.TimingText, t.DueDate, t.ReviewReason, t.ParentTaskId,
                bodies[t.Id].ToList(), t.Assignments, t.Completed));
        var groups = await db.PlanTaskGroups.AsNoTracking().Where(g => g.PlanId == id && g.IsActive).OrderBy(g => g.Order)
            .Select(g => new { g.Id, g.Number, g.Title }).ToListAsync(ct);
        var revisions = await db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == id).OrderByDescending(r => r.Number)
            .Select(r => new PlanRevisionView(r.Number, r.ImportedAt, r.ImportedBy, r.SourceName, r.Summary)).ToListAsync(ct);
        var unresolved = bodies.SelectMany(g => g.Select(b => (TaskId: g.Key, Body: b)))
            .Where(x => x.Body.OrganizationId is null)
            .GroupBy(x => x.Body.MentionKey)
            .Select(g => new UnresolvedBodyView(g.First().Body.Mention, g.Key,
                tasks.SelectMany(t => t).Where(t => g.Any(x => x.TaskId == t.Id)).Select(t => t.Number).ToList()))
            .ToList();

        return new PlanDetails(plan.Id, plan.UnitId, unitName, plan.Kind, plan.NumberSymbol, plan.Title, plan.IssuingBody, plan.IssuedOn,
            plan.IssuedAt, plan.Signer, plan.SignerTitle, plan.ParentPlanId, plan.ParentTitle, plan.ReportingPeriod, plan.IsNarrative,
            plan.Revision, plan.IsActive, plan.Version, sections,
            groups.Select(g => new PlanGroupView(g.Id, g.Number, g.Title, tasks[g.Id].ToList())).ToList(),
            revisions, unresolved);
    }
}
