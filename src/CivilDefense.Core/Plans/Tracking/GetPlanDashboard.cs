using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Tracking;

/// <summary>
/// A plan's dashboard (bảng theo dõi): task groups × bodies as a heat map, totals, overdue and silent
/// counts, progress by period, open reminders. Every number is a SQL aggregate, so a plan of
/// 25,000 assignments costs a handful of grouped queries, not one per row.
/// </summary>
public sealed class GetPlanDashboard(PtdsDbContext db)
{
    public const string NotReported = "NotReported";

    public async Task<Result<PlanDashboard>> HandleAsync(int planId, DashboardFilter filter, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.NumberSymbol, p.Title, p.ReportingPeriod, p.IssuedOn })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        var today = Today;
        var period = filter.Period is { Length: > 0 } key ? ReportingSlots.Parse(plan.ReportingPeriod, key) : null;
        if (filter.Period is { Length: > 0 } && period is null)
        {
            return ValidationError.ForField("period", "Give the period as the plan reports: " + ReportingSlots.Containing(plan.ReportingPeriod, today).Key + ".");
        }

        var assignments = Filtered(planId, filter);

        // Three plain grouped scans. Summing a flag inside one GROUP BY made EF Core emit a
        // correlated subquery per group (PostgreSQL: 2 s for 25,000 assignments), and a NOT EXISTS
        // is an anti-join only as a filter.
        var byStatus = await assignments.GroupBy(a => new { a.Task.GroupId, a.OrganizationId, a.Status })
            .Select(g => new { g.Key.GroupId, g.Key.OrganizationId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var counts = byStatus.Select(x => (x.GroupId, x.OrganizationId, Status: x.Status.ToString(), x.Count)).ToList();
        if (period is not null)
        {
            counts = await CountsForPeriodAsync(assignments, period.Key, counts, ct);
        }

        var overdue = await CountByCellAsync(assignments.Where(TrackingFlags.IsOverdue(today)), ct);
        var silent = await CountByCellAsync(assignments.Where(TrackingFlags.IsSilent(plan.ReportingPeriod, plan.IssuedOn, today)), ct);
        var cells = counts.GroupBy(x => (x.GroupId, x.OrganizationId))
            .Select(g =>
            {
                var statuses = g.GroupBy(x => x.Status).ToDictionary(s => s.Key, s => s.Sum(x => x.Count));
                var o = overdue.GetValueOrDefault(g.Key);
                var s = silent.GetValueOrDefault(g.Key);
                return new HeatCell(g.Key.GroupId, g.Key.OrganizationId, g.Sum(x => x.Count), statuses, o, s, Heat(statuses, o, s));
            })
            .ToList();

        var groupIds = cells.Select(c => c.GroupId).ToHashSet();
        var groups = (await db.PlanTaskGroups.AsNoTracking().Where(g => g.PlanId == planId && g.IsActive).OrderBy(g => g.Order)
                .Select(g => new DashboardGroup(g.Id, g.Number, g.Title)).ToListAsync(ct))
            .Where(g => groupIds.Contains(g.Id) || filter.GroupId == g.Id)
            .ToList();
        // The bodies are those of the heat map's cells. Asking for them as a DISTINCT over the
        // assignments joined to organisations took PostgreSQL 0.5 s on a 25,000-assignment plan.
        var bodyIds = byStatus.Select(x => x.OrganizationId).Distinct().ToList();
        var bodies = await db.Organizations.AsNoTracking().Where(o => bodyIds.Contains(o.Id))
            .OrderBy(o => o.Name).Select(o => new DashboardBody(o.Id, o.Name)).ToListAsync(ct);

        var totals = new DashboardTotals(
            cells.Sum(c => c.Total),
            counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            overdue.Values.Sum(),
            silent.Values.Sum(),
            await db.PlanReminders.CountAsync(r => r.Assignment.Task.PlanId == planId && r.Assignment.IsActive && r.DueOn >= today, ct));
        var reminders = await db.PlanReminders.AsNoTracking()
            .Where(r => r.Assignment.Task.PlanId == planId && r.Assignment.IsActive && r.DueOn >= today)
            .OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(20)
            .Select(r => new DashboardReminder(r.AssignmentId, r.Assignment.Task.Number, r.Assignment.Organization.Name, r.DueOn, r.RaisedAt))
            .ToListAsync(ct);

        return new PlanDashboard(plan.Id, plan.NumberSymbol, plan.Title, plan.ReportingPeriod, period?.Key,
            ReportingSlots.Recent(plan.ReportingPeriod, today, 8).Select(s => s.Key).ToList(),
            groups, bodies, cells, totals, await ProgressAsync(planId, filter, ct), reminders);
    }

    /// <summary>The filtered assignments, row by row, for the CSV export (same filter, same flags).</summary>
    public async Task<Result<IReadOnlyList<DashboardRow>>> RowsAsync(int planId, DashboardFilter filter, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.ReportingPeriod, p.IssuedOn }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        var assignments = Filtered(planId, filter);
        var overdue = (await assignments.Where(TrackingFlags.IsOverdue(Today)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var silent = (await assignments.Where(TrackingFlags.IsSilent(plan.ReportingPeriod, plan.IssuedOn, Today)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var rows = await assignments.OrderBy(a => a.Task.Group.Order).ThenBy(a => a.Task.Order).ThenBy(a => a.Organization.Name)
            .Select(a => new { a.Id, GroupNumber = a.Task.Group.Number, a.Task.Number, a.Task.Text, a.Organization.Name, a.Status, a.Percent, a.LastReportedAt })
            .ToListAsync(ct);
        return rows.Select(r => new DashboardRow(r.Id, r.GroupNumber, r.Number, r.Text, r.Name, r.Status, r.Percent, r.LastReportedAt, overdue.Contains(r.Id), silent.Contains(r.Id)))
            .ToList();
    }

    private DateOnly Today => DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

    private IQueryable<PlanAssignment> Filtered(int planId, DashboardFilter filter)
    {
        var q = db.PlanAssignments.AsNoTracking().Where(a => a.Task.PlanId == planId && a.IsActive && a.Task.IsActive);
        if (filter.OrganizationId is { } org)
        {
            q = q.Where(a => a.OrganizationId == org);
        }

        if (filter.GroupId is { } group)
        {
            q = q.Where(a => a.Task.GroupId == group);
        }

        if (filter.Status is { } status)
        {
            q = q.Where(a => a.Status == status);
        }

        return q;
    }

    /// <summary>For one period: the status of each assignment's latest counted report in it, or <see cref="NotReported"/>.</summary>
    private async Task<List<(int GroupId, int OrganizationId, string Status, int Count)>> CountsForPeriodAsync(
        IQueryable<PlanAssignment> assignments, string period, List<(int GroupId, int OrganizationId, string Status, int Count)> all, CancellationToken ct)
    {
        var ids = assignments.Select(a => a.Id);
        var reported = await db.ProgressReports.AsNoTracking()
            .Where(r => ids.Contains(r.AssignmentId) && r.Period == period && r.ReviewState != ReviewState.Returned
                && r.Id == db.ProgressReports.Where(x => x.AssignmentId == r.AssignmentId && x.Period == period && x.ReviewState != ReviewState.Returned).Max(x => x.Id))
            .GroupBy(r => new { r.Assignment.Task.GroupId, r.Assignment.OrganizationId, r.Status })
            .Select(g => new { g.Key.GroupId, g.Key.OrganizationId, Status = g.Key.Status.ToString(), Count = g.Count() })
            .ToListAsync(ct);
        var result = reported.Select(x => (x.GroupId, x.OrganizationId, x.Status, x.Count)).ToList();
        foreach (var cell in all.GroupBy(x => (x.GroupId, x.OrganizationId)))
        {
            var missing = cell.Sum(x => x.Count) - reported.Where(r => r.GroupId == cell.Key.GroupId && r.OrganizationId == cell.Key.OrganizationId).Sum(r => r.Count);
            if (missing > 0)
            {
                result.Add((cell.Key.GroupId, cell.Key.OrganizationId, NotReported, missing));
            }
        }

        return result;
    }

    private static async Task<Dictionary<(int, int), int>> CountByCellAsync(IQueryable<PlanAssignment> assignments, CancellationToken ct) =>
        (await assignments.GroupBy(a => new { a.Task.GroupId, a.OrganizationId })
            .Select(g => new { g.Key.GroupId, g.Key.OrganizationId, Count = g.Count() })
            .ToListAsync(ct))
        .ToDictionary(x => (x.GroupId, x.OrganizationId), x => x.Count);

    private async Task<IReadOnlyList<ProgressPoint>> ProgressAsync(int planId, DashboardFilter filter, CancellationToken ct)
    {
        var reports = db.ProgressReports.AsNoTracking().Where(r => r.Assignment.Task.PlanId == planId && r.Assignment.IsActive && r.ReviewState != ReviewState.Returned);
        if (filter.OrganizationId is { } org)
        {
            reports = reports.Where(r => r.Assignment.OrganizationId == org);
        }

        if (filter.GroupId is { } group)
        {
            reports = reports.Where(r => r.Assignment.Task.GroupId == group);
        }

        return await reports.GroupBy(r => r.Period)
            .OrderBy(g => g.Key)
            .Select(g => new ProgressPoint(g.Key, g.Count(), g.Count(r => r.ReviewState == ReviewState.Accepted), g.Average(r => (double?)r.Percent)))
            .ToListAsync(ct);
    }

    /// <summary>The worst state decides the colour: stalled or overdue, then not started/reported or silent, then in progress, then done.</summary>
    private static string Heat(Dictionary<string, int> statuses, int overdue, int silent) =>
        overdue > 0 || statuses.ContainsKey(nameof(AssignmentStatus.Stalled)) ? "heat-bad"
        : silent > 0 || statuses.ContainsKey(nameof(AssignmentStatus.NotStarted)) || statuses.ContainsKey(NotReported) ? "heat-warn"
        : statuses.ContainsKey(nameof(AssignmentStatus.InProgress)) ? "heat-progress"
        : "heat-done";
}
