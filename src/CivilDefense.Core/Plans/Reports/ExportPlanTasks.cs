using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Plans.Reports;

/// <summary>A plan's tasks (one row per task with its bodies) and assignments (one row per body) as an XLSX workbook.</summary>
public sealed class ExportPlanTasks(PtdsDbContext db)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Result<GeneratedFile>> HandleAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.NumberSymbol, p.Title }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return new NotFoundError("No such plan.");
        }

        var tasks = await PlanTaskRows.LoadAsync(db, planId, ct);
        var assignments = await db.PlanAssignments.AsNoTracking().Where(a => a.Task.PlanId == planId && a.IsActive && a.Task.IsActive)
            .OrderBy(a => a.Task.Group.Order).ThenBy(a => a.Task.Order).ThenBy(a => a.Organization.Name)
            .Select(a => new { GroupNumber = a.Task.Group.Number, a.Task.Number, Body = a.Organization.Name, Unit = a.Unit.FullName, a.Status, a.Percent, a.LastReportedAt })
            .ToListAsync(ct);

        var workbook = new SimpleWorkbook();
        var taskRows = workbook.AddSheet("Nhiệm vụ", "Nhóm", "Số", "Nhiệm vụ", "Cơ quan chỉ đạo", "Cơ quan chủ trì", "Cơ quan thực hiện", "Thời gian", "Tình trạng", "Số cơ quan thực hiện");
        taskRows.AddRange(tasks.Select(t => new object?[]
        {
            t.GroupNumber, t.Number, t.Text, string.Join("; ", t.Directing), string.Join("; ", t.Lead), string.Join("; ", t.Implementing), t.Timing ?? "", StatusWords.Of(t.Status), t.Assignments,
        }));
        var assignmentRows = workbook.AddSheet("Phân công", "Nhóm", "Số", "Cơ quan thực hiện", "Địa bàn", "Tình trạng", "Tỷ lệ (%)", "Báo cáo gần nhất");
        assignmentRows.AddRange(assignments.Select(a => new object?[] { a.GroupNumber, a.Number, a.Body, a.Unit, StatusWords.Of(a.Status), a.Percent, a.LastReportedAt }));
        var name = $"nhiem-vu-{ExportPlanReport.Slug(plan.NumberSymbol ?? plan.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}.xlsx";
        return new GeneratedFile(name, XlsxType, workbook.Write());
    }
}
