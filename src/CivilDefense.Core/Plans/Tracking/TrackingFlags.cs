using System.Linq.Expressions;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>What an assignment's facts say about it on a given day.</summary>
/// <param name="Overdue">A task with a deadline (quá hạn) past it and not completed.</param>
/// <param name="Silent">No report (chậm báo cáo) since the last period whose report is due.</param>
/// <param name="DueSoon">A deadline or a report due within <see cref="ReportingSlots.DueSoonDays"/>: the reminder.</param>
/// <param name="Pending">The period the body should report on next.</param>
/// <param name="NextDeadline">The nearest deadline still ahead: the task's own, or the pending period's due date.</param>
/// <param name="ReminderSlot">The key a reminder for <paramref name="NextDeadline"/> is recorded under.</param>
public sealed record AssignmentFlags(bool Overdue, bool Silent, bool DueSoon, ReportingSlot Pending, DateOnly? Deadline, DateOnly NextDeadline, string ReminderSlot);

/// <summary>The facts flags are judged from, as one query row carries them.</summary>
public sealed record TrackingFacts(
    ReportingPeriod Period,
    DateOnly? PlanStart,
    TimingKind TimingKind,
    DateOnly? DueDate,
    int? ToYear,
    AssignmentStatus Status,
    string? LatestReportedPeriod);

/// <summary>
/// Overdue, silent and due-soon, in one place. <see cref="Evaluate"/> judges one assignment in
/// memory; the expressions give the same answers inside SQL for dashboards over thousands of rows.
/// Returned reports do not count as reporting.
/// </summary>
public static class TrackingFlags
{
    public static AssignmentFlags Evaluate(TrackingFacts f, DateOnly today)
    {
        var done = f.Status == AssignmentStatus.Completed;
        var deadline = ReportingSlots.TaskDeadline(f.TimingKind, f.DueDate, f.ToYear);
        var lastDue = ReportingSlots.LastDue(f.Period, today);
        var current = ReportingSlots.Containing(f.Period, today);
        var previous = ReportingSlots.Previous(f.Period, current);
        var pending = previous.Due >= today ? previous : current;
        var reportedSince = (string key) => f.LatestReportedPeriod is not null && string.CompareOrdinal(f.LatestReportedPeriod, key) >= 0;

        var overdue = !done && deadline < today;
        var silent = !done && CountsFrom(lastDue, f.PlanStart) && !reportedSince(lastDue.Key);
        var taskDeadlineAhead = !done && deadline >= today;
        var (next, slot) = taskDeadlineAhead && deadline!.Value <= pending.Due
            ? (deadline.Value, DeadlineSlot(deadline.Value))
            : (pending.Due, pending.Key);
        var dueSoon = !done && next.DayNumber - today.DayNumber <= ReportingSlots.DueSoonDays
            && (slot != pending.Key || !reportedSince(pending.Key));
        return new AssignmentFlags(overdue, silent, dueSoon, pending, deadline, next, slot);
    }

    /// <summary>A period that ended before the plan was issued asks no report of it.</summary>
    public static bool CountsFrom(ReportingSlot slot, DateOnly? planStart) => planStart is null || slot.End >= planStart;

    public static string DeadlineSlot(DateOnly deadline) => $"due:{deadline:yyyy-MM-dd}";

    /// <summary>The SQL form of <see cref="AssignmentFlags.Overdue"/>.</summary>
    public static Expression<Func<PlanAssignment, bool>> IsOverdue(DateOnly today)
    {
        var year = today.Year;
        return a => a.Status != AssignmentStatus.Completed
            && ((a.Task.TimingKind == TimingKind.Date && a.Task.DueDate < today)
                || ((a.Task.TimingKind == TimingKind.Year || a.Task.TimingKind == TimingKind.Period)
                    && ((a.Task.ToYear != null && a.Task.ToYear < year) || (a.Task.ToYear == null && a.Task.DueDate < today))));
    }

    /// <summary>
    /// The SQL form of <see cref="AssignmentFlags.Silent"/> for one plan (one reporting period).
    /// Period keys of one plan sort in time order as text, so "reported since" is a comparison.
    /// </summary>
    public static Expression<Func<PlanAssignment, bool>> IsSilent(ReportingPeriod period, DateOnly? planStart, DateOnly today)
    {
        var lastDue = ReportingSlots.LastDue(period, today);
        if (!CountsFrom(lastDue, planStart))
        {
            return a => false;
        }

        var key = lastDue.Key;
        return a => a.Status != AssignmentStatus.Completed
            && !a.Reports.Any(r => r.ReviewState != ReviewState.Returned && string.Compare(r.Period, key) >= 0);
    }
}
