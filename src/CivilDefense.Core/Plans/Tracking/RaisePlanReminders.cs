using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// The hourly sweep: for every open assignment whose next deadline is within
/// <see cref="ReportingSlots.DueSoonDays"/>, records a reminder once per deadline. Run as the system;
/// "my tasks" and the dashboard show what it raised. Returns how many reminders were new.
/// </summary>
public sealed class RaisePlanReminders(PtdsDbContext db)
{
    public async Task<int> HandleAsync(DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var rows = await db.PlanAssignments.AsNoTracking()
            .Where(a => a.IsActive && a.Task.IsActive && a.Task.Plan.IsActive && a.Status != AssignmentStatus.Completed)
            .Select(a => new
            {
                a.Id,
                a.Task.Plan.ReportingPeriod,
                a.Task.Plan.IssuedOn,
                a.Task.TimingKind,
                a.Task.DueDate,
                a.Task.ToYear,
                a.Status,
                Latest = a.Reports.Where(r => r.ReviewState != ReviewState.Returned).Max(r => r.Period),
            })
            .ToListAsync(ct);
        var due = rows
            .Select(r => (r.Id, Flags: TrackingFlags.Evaluate(new TrackingFacts(r.ReportingPeriod, r.IssuedOn, r.TimingKind, r.DueDate, r.ToYear, r.Status, r.Latest), today)))
            .Where(x => x.Flags.DueSoon)
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(x => x.Id).ToList();
        var raised = (await db.PlanReminders.AsNoTracking().Where(r => ids.Contains(r.AssignmentId)).Select(r => new { r.AssignmentId, r.Slot }).ToListAsync(ct))
            .Select(r => (r.AssignmentId, r.Slot))
            .ToHashSet();
        var added = 0;
        foreach (var (id, flags) in due.Where(x => !raised.Contains((x.Id, x.Flags.ReminderSlot))))
        {
            db.PlanReminders.Add(new PlanReminder { AssignmentId = id, Slot = flags.ReminderSlot, DueOn = flags.NextDeadline, RaisedAt = now });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
