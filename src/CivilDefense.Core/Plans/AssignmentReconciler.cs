using CivilDefense.Core.Data;
using CivilDefense.Core.Plans.Import;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans;

/// <summary>
/// Keeps each task's assignments equal to the bodies that must report on it: new bodies get an
/// assignment, bodies no longer named have theirs closed (reports stay), closed tasks close all.
/// Used after an import and after a reviewer maps a name to an organisation.
/// </summary>
internal sealed class AssignmentReconciler(PtdsDbContext db)
{
    /// <param name="tasks">Tracked tasks with their Bodies and Assignments loaded.</param>
    public async Task ReconcileAsync(IReadOnlyList<PlanTask> tasks, CancellationToken ct)
    {
        var wanted = tasks.ToDictionary(t => t, Wanted);
        var orgIds = wanted.Values.SelectMany(ids => ids).Distinct().ToList();
        var units = await db.Organizations.IgnoreQueryFilters().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.UnitId, ct);
        var changed = false;
        var added = new List<PlanAssignment>();
        foreach (var (task, ids) in wanted)
        {
            foreach (var assignment in task.Assignments)
            {
                var keep = ids.Contains(assignment.OrganizationId);
                if (assignment.IsActive != keep)
                {
                    assignment.IsActive = keep;
                    changed = true;
                }
            }

            var existing = task.Assignments.Select(a => a.OrganizationId).ToHashSet();
            added.AddRange(ids.Where(id => !existing.Contains(id))
                .Select(id => new PlanAssignment { TaskId = task.Id, OrganizationId = id, UnitId = units[id] }));
        }

        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        // Inserted set-based and tracked afterwards, so they join task.Assignments then.
        await db.InsertManyAsync(added, ct);
    }

    private static HashSet<int> Wanted(PlanTask task) =>
        !task.IsActive ? [] : TaskSnapshot.AssignedOrganizations(task.Bodies.Select(b => (b.Role, b.OrganizationId))).ToHashSet();
}
