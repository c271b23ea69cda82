using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// "My tasks" (nhiệm vụ của tôi): a liaison's organisation's assignments, or for officers and above
/// the assignments of the bodies in their unit's subtree, each with its pending period, last report,
/// flags and the reminder raised for it.
/// </summary>
public sealed class ListMyTasks(PtdsDbContext db)
{
    public enum Flag
    {
        Overdue,
        Silent,
        DueSoon,
    }

    public sealed record Query(int? PlanId = null, Flag? Only = null);

    public async Task<Page<MyTaskView>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        var actor = db.Actor;
        var assignments = db.PlanAssignments.AsNoTracking().Where(a => a.IsActive && a.Task.IsActive && a.Task.Plan.IsActive);
        if (actor.Role == Role.AgencyLiaison)
        {
            assignments = assignments.Where(a => a.OrganizationId == actor.OrganizationId);
        }
        else if (actor.UnitPath is { } path)
        {
            assignments = assignments.Where(a => a.Unit.Path.StartsWith(path));
        }

        if (query.PlanId is { } planId)
        {
            assignments = assignments.Where(a => a.Task.PlanId == planId);
        }

        var rows = await assignments
            .OrderBy(a => a.Task.PlanId).ThenBy(a => a.Task.Group.Order).ThenBy(a => a.Task.Order).ThenBy(a => a.Organization.Name)
            .Select(a => new
            {
                a.Id,
                a.Task.PlanId,
                a.Task.Plan.NumberSymbol,
                PlanTitle = a.Task.Plan.Title,
                a.Task.Plan.ReportingPeriod,
                a.Task.Plan.IssuedOn,
                a.TaskId,
                GroupNumber = a.Task.Group.Number,
                a.Task.Number,
                a.Task.Text,
                a.Task.TimingText,
                a.Task.TimingKind,
                a.Task.DueDate,
                a.Task.ToYear,
                a.OrganizationId,
                OrganizationName = a.Organization.Name,
                a.Status,
                a.Percent,
                a.LastReportedAt,
                Latest = a.Reports.Where(r => r.ReviewState != ReviewState.Returned).Max(r => r.Period),
                LastReport = a.Reports.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id)
                    .Select(r => new ReportSummaryView(r.Id, r.Period, r.Status, r.Percent, r.ReviewState, r.ReviewNote, r.SubmittedAt))
                    .FirstOrDefault(),
            })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var reminders = ids.Count == 0 ? [] : await db.PlanReminders.AsNoTracking()
            .Where(r => ids.Contains(r.AssignmentId))
            .Select(r => new { r.AssignmentId, View = new ReminderView(r.Slot, r.DueOn, r.RaisedAt) })
            .ToListAsync(ct);
        var reminderOf = reminders.GroupBy(r => r.AssignmentId).ToDictionary(g => g.Key, g => g.Select(r => r.View).ToList());

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var views = rows.Select(r =>
            {
                var flags = TrackingFlags.Evaluate(new TrackingFacts(r.ReportingPeriod, r.IssuedOn, r.TimingKind, r.DueDate, r.ToYear, r.Status, r.Latest), today);
                var reminder = reminderOf.GetValueOrDefault(r.Id)?.FirstOrDefault(x => x.Slot == flags.ReminderSlot);
                return new MyTaskView(r.Id, r.PlanId, r.NumberSymbol, r.PlanTitle, r.ReportingPeriod, r.TaskId, r.GroupNumber, r.Number, r.Text, r.TimingText,
                    r.OrganizationId, r.OrganizationName, r.Status, r.Percent, r.LastReportedAt, r.LastReport, flags, reminder);
            })
            .Where(v => query.Only switch
            {
                Flag.Overdue => v.Flags.Overdue,
                Flag.Silent => v.Flags.Silent,
                Flag.DueSoon => v.Flags.DueSoon,
                _ => true,
            })
            .ToList();
        var size = page.SafePageSize;
        return new Page<MyTaskView>(views.Skip((page.SafePage - 1) * size).Take(size).ToList(), views.Count, page.SafePage, size);
    }
}
