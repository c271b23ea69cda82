using System.Globalization;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans.Tracking;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Reports;

/// <summary>A generated file: its suggested name and bytes.</summary>
public sealed record GeneratedFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Compiles the yearly implementation report of a plan from the ACCEPTED progress reports of that
/// year (periods "YYYY", "YYYY-H1", "YYYY-Q3", "YYYY-07"), for the standing agency to sign.
/// </summary>
public sealed class ExportPlanReport(PtdsDbContext db)
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public async Task<Result<GeneratedFile>> HandleAsync(int planId, int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return ValidationError.ForField("year", "Give a year between 2000 and 2100.");
        }

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Kind, p.NumberSymbol, p.Title, p.IssuingBody, p.Signer, p.SignerTitle, p.UnitId })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        var unitName = (await PlanUnits.OfAsync(db, plan.UnitId, ct))!.Value.Name;
        var tasks = await PlanTaskRows.LoadAsync(db, planId, ct);
        var prefix = year.ToString(CultureInfo.InvariantCulture);
        var accepted = (await db.ProgressReports.AsNoTracking()
                .Where(r => r.Assignment.Task.PlanId == planId && r.Assignment.IsActive && r.ReviewState == ReviewState.Accepted
                    && (r.Period == prefix || r.Period.StartsWith(prefix + "-")))
                .OrderBy(r => r.Assignment.Organization.Name).ThenBy(r => r.Period)
                .Select(r => new { r.Assignment.TaskId, r.AssignmentId, Body = r.Assignment.Organization.Name, r.Period, r.Status, r.Percent, r.Narrative, r.FiguresJson })
                .ToListAsync(ct))
            .ToLookup(r => r.TaskId);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var overdue = await db.PlanAssignments.Where(a => a.Task.PlanId == planId && a.IsActive && a.Task.IsActive).CountAsync(TrackingFlags.IsOverdue(today), ct);

        var groups = tasks.GroupBy(t => (t.GroupNumber, t.GroupTitle))
            .Select(g => new ReportGroup(g.Key.GroupNumber, g.Key.GroupTitle, g.Select(t => new ReportTask(
                t.Number, t.Text, t.Timing, t.Directing, t.Lead, t.Implementing, t.Status,
                accepted[t.Id].Select(r => new ReportEntry(r.Body, r.Period, r.Status, r.Percent, r.Narrative, ProgressReports.Figures(r.FiguresJson))).ToList())).ToList()))
            .ToList();
        var assessment = new ReportAssessment(
            tasks.Count,
            tasks.Count(t => t.Status == AssignmentStatus.Completed),
            tasks.Count(t => t.Status == AssignmentStatus.InProgress),
            tasks.Count(t => t.Status is AssignmentStatus.NotStarted or null),
            tasks.Count(t => t.Status == AssignmentStatus.Stalled),
            tasks.Sum(t => t.Assignments),
            accepted.SelectMany(g => g).Select(r => r.AssignmentId).Distinct().Count(),
            overdue);

        var issuer = plan.IssuingBody ?? "Ủy ban nhân dân " + unitName;
        var reference = $"{plan.Kind ?? "Kế hoạch"}{(plan.NumberSymbol is null ? "" : " số " + plan.NumberSymbol)}";
        var data = new PlanReportData(issuer, null, Suffix(plan.NumberSymbol), unitName, year, today, reference, plan.Title,
            plan.SignerTitle, plan.Signer, groups, assessment, ["Như trên"]);
        var name = $"bao-cao-{Slug(plan.NumberSymbol ?? plan.Id.ToString(CultureInfo.InvariantCulture))}-{year}.docx";
        return new GeneratedFile(name, DocxType, PlanReportDocument.Write(data));
    }

    /// <summary>The issuer's part of a symbol: "83-KH/TU" gives "TU", so the report is "…/BC-TU".</summary>
    public static string Suffix(string? numberSymbol) =>
        numberSymbol?.Split('/', 2) is [_, var issuer] && issuer.Length > 0 ? issuer : "…";

    public static string Slug(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
}

/// <summary>A plan's tasks with their bodies by role and an overall status, shared by the DOCX annex and the XLSX export.</summary>
internal sealed record PlanTaskRow(
    int Id,
    string GroupNumber,
    string GroupTitle,
    string Number,
    string Text,
    string? Timing,
    IReadOnlyList<string> Directing,
    IReadOnlyList<string> Lead,
    IReadOnlyList<string> Implementing,
    AssignmentStatus? Status,
    int Assignments);

internal static class PlanTaskRows
{
    public static async Task<List<PlanTaskRow>> LoadAsync(PtdsDbContext db, int planId, CancellationToken ct)
    {
        var bodies = (await db.PlanTaskBodies.AsNoTracking().Where(b => b.Task.PlanId == planId && b.Task.IsActive).OrderBy(b => b.Order)
                .Select(b => new { b.TaskId, b.Role, Name = b.Organization != null ? b.Organization.Name : b.Mention })
                .ToListAsync(ct))
            .ToLookup(b => (b.TaskId, b.Role), b => b.Name);
        var statuses = (await db.PlanAssignments.AsNoTracking().Where(a => a.Task.PlanId == planId && a.IsActive && a.Task.IsActive)
                .GroupBy(a => new { a.TaskId, a.Status }).Select(g => new { g.Key.TaskId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(x => x.TaskId);
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId && t.IsActive && t.Group.IsActive)
            .OrderBy(t => t.Group.Order).ThenBy(t => t.Order)
            .Select(t => new { t.Id, GroupNumber = t.Group.Number, GroupTitle = t.Group.Title, t.Number, t.Text, t.TimingText })
            .ToListAsync(ct);
        return tasks.Select(t => new PlanTaskRow(t.Id, t.GroupNumber, t.GroupTitle, t.Number, t.Text, t.TimingText,
                Names(bodies[(t.Id, BodyRole.Directing)]), Names(bodies[(t.Id, BodyRole.Lead)]), Names(bodies[(t.Id, BodyRole.Implementing)]),
                Overall(statuses[t.Id].Select(s => (s.Status, s.Count)).ToList()), statuses[t.Id].Sum(s => s.Count)))
            .ToList();
    }

    private static List<string> Names(IEnumerable<string> names) => names.Distinct().ToList();

    /// <summary>A task is done when every body is; stalled when any is; in progress when any has started.</summary>
    private static AssignmentStatus? Overall(List<(AssignmentStatus Status, int Count)> statuses) =>
        statuses.Count == 0 ? null
        : statuses.All(s => s.Status == AssignmentStatus.Completed) ? AssignmentStatus.Completed
        : statuses.Any(s => s.Status == AssignmentStatus.Stalled) ? AssignmentStatus.Stalled
        : statuses.Any(s => s.Status is AssignmentStatus.InProgress or AssignmentStatus.Completed) ? AssignmentStatus.InProgress
        : AssignmentStatus.NotStarted;
}
