using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// Makes a subordinate plan (kế hoạch cấp dưới: a commune's or a department's) from chosen tasks of
/// a parent plan. Text and timing are copied; each task keeps a link to the task it carries down, so
/// the parent's page shows how every task is taken further. The new plan's unit must lie under the
/// parent plan's unit and in the actor's scope. Bodies of the copied tasks that sit in the new unit's
/// subtree are carried over, with their assignments.
/// </summary>
public sealed class CreateSubordinatePlan(PtdsDbContext db)
{
    public sealed record Input(int UnitId, IReadOnlyList<int> TaskIds, string? Title = null, string? NumberSymbol = null);

    public async Task<Result<int>> HandleAsync(int parentPlanId, Input input, CancellationToken ct)
    {
        var parent = await db.Plans.AsNoTracking().Where(p => p.Id == parentPlanId)
            .Select(p => new { p.Id, p.Title, p.NumberSymbol, p.ReportingPeriod, p.IssuingBody, p.UnitId })
            .SingleOrDefaultAsync(ct);
        if (parent is null)
        {
            return new NotFoundError("No such plan.");
        }

        var unit = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Id, u.Path, u.FullName }).SingleOrDefaultAsync(ct);
        if (unit is null)
        {
            return ValidationError.ForField("unitId", "No such unit in your area.");
        }

        if (db.Actor.Role == Role.AgencyLiaison || !AccessPolicy.CanWrite(db.Actor, Resource.Plans, unit.Path))
        {
            return new ForbiddenError("You may not make plans for this unit.");
        }

        if (!unit.Path.StartsWith((await PlanUnits.OfAsync(db, parent.UnitId, ct))!.Value.Path, StringComparison.Ordinal))
        {
            return ValidationError.ForField("unitId", "A subordinate plan belongs to the parent plan's unit or a unit under it.");
        }

        var ids = input.TaskIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            return ValidationError.ForField("taskIds", "Choose at least one task to carry down.");
        }

        var tasks = await db.PlanTasks.AsNoTracking().Include(t => t.Group).Include(t => t.Bodies)
            .Where(t => t.PlanId == parentPlanId && t.IsActive && ids.Contains(t.Id))
            .OrderBy(t => t.Group.Order).ThenBy(t => t.Order)
            .ToListAsync(ct);
        if (tasks.Count != ids.Count)
        {
            return ValidationError.ForField("taskIds", "Every task must be an active task of the parent plan.");
        }

        var title = string.IsNullOrWhiteSpace(input.Title) ? $"Kế hoạch thực hiện {parent.NumberSymbol ?? parent.Title} tại {unit.FullName}" : input.Title.Trim();
        if (title.Length > 2000 || input.NumberSymbol?.Length > 100)
        {
            return ValidationError.ForField("title", "The title or number is too long.");
        }

        var local = (await db.Organizations.AsNoTracking().Where(o => o.Unit.Path.StartsWith(unit.Path)).Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var plan = new Plan { UnitId = unit.Id, Title = title, NumberSymbol = input.NumberSymbol?.Trim(), Kind = "Kế hoạch", ParentPlanId = parent.Id, ReportingPeriod = parent.ReportingPeriod };
        foreach (var (sourceGroup, index) in tasks.GroupBy(t => t.Group).Select((g, i) => (g, i)))
        {
            var group = new PlanTaskGroup { Plan = plan, Number = sourceGroup.Key.Number, Title = sourceGroup.Key.Title, Order = index };
            plan.Groups.Add(group);
            foreach (var (source, order) in sourceGroup.Select((t, i) => (t, i)))
            {
                group.Tasks.Add(new PlanTask
                {
                    Plan = plan,
                    Number = source.Number,
                    Text = source.Text,
                    Order = order,
                    TimingKind = source.TimingKind,
                    TimingText = source.TimingText,
                    DueDate = source.DueDate,
                    FromYear = source.FromYear,
                    ToYear = source.ToYear,
                    ParentTaskId = source.Id,
                    Bodies = source.Bodies.Where(b => b.OrganizationId is { } org && local.Contains(org))
                        .Select(b => new PlanTaskBody { Role = b.Role, Mention = b.Mention, MentionKey = b.MentionKey, OrganizationId = b.OrganizationId, Resolution = b.Resolution, Order = b.Order })
                        .ToList(),
                });
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await new AssignmentReconciler(db).ReconcileAsync(plan.Groups.SelectMany(g => g.Tasks).ToList(), ct);
        await transaction.CommitAsync(ct);
        return plan.Id;
    }
}

/// <summary>How one task of a plan is carried down: a task of a subordinate plan and its progress.</summary>
public sealed record CarriedDownView(int ParentTaskId, int PlanId, string PlanTitle, string UnitName, int Assignments, int Completed, double? AveragePercent);

/// <summary>For each task of a plan, the subordinate plans' tasks that carry it down (those the actor can see).</summary>
public sealed class ListCarriedDown(PtdsDbContext db)
{
    public async Task<ILookup<int, CarriedDownView>> HandleAsync(int planId, CancellationToken ct) =>
        (await db.PlanTasks.AsNoTracking()
            .Where(t => t.IsActive && t.Plan.IsActive && t.ParentTask != null && t.ParentTask.PlanId == planId)
            .OrderBy(t => t.Plan.Unit.FullName)
            .Select(t => new CarriedDownView(t.ParentTaskId!.Value, t.PlanId, t.Plan.Title, t.Plan.Unit.FullName,
                t.Assignments.Count(a => a.IsActive),
                t.Assignments.Count(a => a.IsActive && a.Status == AssignmentStatus.Completed),
                t.Assignments.Where(a => a.IsActive).Average(a => (double?)a.Percent)))
            .ToListAsync(ct))
        .ToLookup(v => v.ParentTaskId);
}
