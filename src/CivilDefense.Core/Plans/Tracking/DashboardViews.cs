namespace CivilDefense.Core.Plans.Tracking;

/// <summary>What the dashboard is narrowed to; every part is optional.</summary>
/// <param name="Status">The assignments' current status.</param>
/// <param name="Period">A reporting period: cells then show what was reported for it ("NotReported" for none).</param>
public sealed record DashboardFilter(int? OrganizationId = null, int? GroupId = null, AssignmentStatus? Status = null, string? Period = null);

public sealed record PlanDashboard(
    int PlanId,
    string? NumberSymbol,
    string Title,
    ReportingPeriod ReportingPeriod,
    string? Period,
    IReadOnlyList<string> RecentPeriods,
    IReadOnlyList<DashboardGroup> Groups,
    IReadOnlyList<DashboardBody> Bodies,
    IReadOnlyList<HeatCell> Cells,
    DashboardTotals Totals,
    IReadOnlyList<ProgressPoint> Progress,
    IReadOnlyList<DashboardReminder> Reminders);

public sealed record DashboardGroup(int Id, string Number, string Title);

public sealed record DashboardBody(int OrganizationId, string Name);

/// <summary>One group × body cell: counts by status, flags, and the colour class of its worst state.</summary>
public sealed record HeatCell(int GroupId, int OrganizationId, int Total, IReadOnlyDictionary<string, int> ByStatus, int Overdue, int Silent, string Heat);

public sealed record DashboardTotals(int Assignments, IReadOnlyDictionary<string, int> ByStatus, int Overdue, int Silent, int OpenReminders);

/// <summary>Reports filed for one period: how many, how many accepted, their mean percentage.</summary>
public sealed record ProgressPoint(string Period, int Reports, int Accepted, double? AveragePercent);

public sealed record DashboardReminder(int AssignmentId, string TaskNumber, string OrganizationName, DateOnly DueOn, DateTime RaisedAt);

/// <summary>One assignment as the CSV export lists it.</summary>
public sealed record DashboardRow(
    int AssignmentId,
    string GroupNumber,
    string TaskNumber,
    string TaskText,
    string OrganizationName,
    AssignmentStatus Status,
    int? Percent,
    DateTime? LastReportedAt,
    bool Overdue,
    bool Silent);
