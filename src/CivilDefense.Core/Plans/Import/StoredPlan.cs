using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Import;

/// <summary>Reads a stored plan back into the shape a document is compared in.</summary>
internal static class StoredPlan
{
    public static async Task<PlanSnapshot> SnapshotAsync(PtdsDbContext db, int planId, CancellationToken ct)
    {
        var plan = await db.Plans.Where(p => p.Id == planId)
            .Select(p => new PlanHeader(p.Kind, p.NumberSymbol, p.Title, p.IssuingBody, p.IssuedOn, p.IssuedAt, p.Signer, p.SignerTitle, p.IsNarrative))
            .SingleAsync(ct);
        var sections = await db.PlanSections.Where(s => s.PlanId == planId).OrderBy(s => s.Order)
            .Select(s => new SectionSnapshot(s.Kind, s.MilestoneYear, s.Text, s.ReportsTo, s.Frequency))
            .ToListAsync(ct);
        var groups = await db.PlanTaskGroups.Where(g => g.PlanId == planId && g.IsActive).OrderBy(g => g.Order)
            .Select(g => new GroupSnapshot(g.Number, g.Title))
            .ToListAsync(ct);
        var bodies = (await db.PlanTaskBodies.Where(b => b.Task.PlanId == planId && b.Task.IsActive)
                .OrderBy(b => b.Order)
                .Select(b => new { b.TaskId, Body = new BodySnapshot(b.Role, b.Mention, b.MentionKey, b.OrganizationId, b.Resolution) })
                .ToListAsync(ct))
            .ToLookup(b => b.TaskId, b => b.Body);
        var tasks = await db.PlanTasks.Where(t => t.PlanId == planId && t.IsActive).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.Group.Number, Task = t })
            .ToListAsync(ct);
        return new PlanSnapshot(plan, sections, groups, tasks
            .Select(x => new TaskSnapshot(x.Number, x.Task.Number, x.Task.Text, x.Task.TimingKind, x.Task.TimingText, x.Task.DueDate,
                x.Task.FromYear, x.Task.ToYear, x.Task.ReviewReason, bodies[x.Id].ToList()))
            .ToList());
    }
}
