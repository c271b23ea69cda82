using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Parsing;

namespace CivilDefense.Core.Tests.TestSupport;

/// <summary>
/// A small plan written through the data model (not the document import): two groups, a recurring
/// task, a dated task (30/6/2026) and a period task (2025-2026), one lead body and implementing
/// bodies with their assignments. Self-contained so the web and browser tests can link it.
/// </summary>
public sealed class TestPlan
{
    public required int PlanId { get; init; }

    public required PlanTask Recurring { get; init; }

    public required PlanTask Dated { get; init; }

    public required PlanTask Period { get; init; }

    public required IReadOnlyList<PlanAssignment> Assignments { get; init; }

    public PlanAssignment Assignment(PlanTask task, Organization organization) =>
        Assignments.Single(a => a.TaskId == task.Id && a.OrganizationId == organization.Id);

    /// <param name="db">A context acting as the system.</param>
    public static async Task<TestPlan> SeedAsync(PtdsDbContext db, int unitId, Organization lead, IReadOnlyList<Organization> implementing, DateOnly? issuedOn = null, string numberSymbol = "83-KH/TU")
    {
        var plan = new Plan
        {
            UnitId = unitId,
            Kind = "Kế hoạch",
            NumberSymbol = numberSymbol,
            Title = "Thực hiện công tác phòng thủ dân sự giai đoạn 2025 - 2030",
            IssuingBody = "Ban Chỉ huy Phòng thủ dân sự tỉnh",
            IssuedOn = issuedOn ?? new DateOnly(2025, 1, 10),
            Signer = "Nguyễn Văn B",
            SignerTitle = "KT. Trưởng ban",
        };
        var propaganda = new PlanTaskGroup { Plan = plan, Number = "1", Title = "Công tác tuyên truyền, giáo dục", Order = 0 };
        var drills = new PlanTaskGroup { Plan = plan, Number = "2", Title = "Huấn luyện, diễn tập", Order = 1 };
        var recurring = Task(plan, propaganda, "1", "Tuyên truyền kiến thức phòng thủ dân sự trên các phương tiện thông tin đại chúng", TimingKind.Recurring, "Thường xuyên", null, null, 0);
        var dated = Task(plan, propaganda, "2", "Xây dựng kế hoạch ứng phó bão lũ năm 2026", TimingKind.Date, "Trước ngày 30/6/2026", new DateOnly(2026, 6, 30), null, 1);
        var period = Task(plan, drills, "1", "Tổ chức diễn tập phòng thủ dân sự cấp xã", TimingKind.Period, "2025 - 2026", null, 2026, 0);
        plan.Groups.AddRange([propaganda, drills]);
        propaganda.Tasks.AddRange([recurring, dated]);
        drills.Tasks.Add(period);
        var assignments = new List<PlanAssignment>();
        foreach (var task in new[] { recurring, dated, period })
        {
            task.Bodies.Add(new PlanTaskBody { Role = BodyRole.Directing, Mention = "Ủy ban nhân dân tỉnh", MentionKey = "ubnd tinh", Resolution = "unmatched", Order = 0 });
            task.Bodies.Add(Body(BodyRole.Lead, lead, 1));
            var bodies = task == period ? implementing.Take(1) : implementing;
            foreach (var (org, i) in bodies.Select((o, i) => (o, i)))
            {
                task.Bodies.Add(Body(BodyRole.Implementing, org, 2 + i));
                var assignment = new PlanAssignment { Task = task, OrganizationId = org.Id, UnitId = org.UnitId };
                task.Assignments.Add(assignment);
                assignments.Add(assignment);
            }
        }

        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return new TestPlan { PlanId = plan.Id, Recurring = recurring, Dated = dated, Period = period, Assignments = assignments };
    }

    private static PlanTask Task(Plan plan, PlanTaskGroup group, string number, string text, TimingKind kind, string timing, DateOnly? due, int? toYear, int order) => new()
    {
        Plan = plan,
        Group = group,
        Number = number,
        Text = text,
        TimingKind = kind,
        TimingText = timing,
        DueDate = due,
        FromYear = toYear is null ? null : toYear - 1,
        ToYear = toYear,
        Order = order,
    };

    private static PlanTaskBody Body(BodyRole role, Organization org, int order) =>
        new() { Role = role, Mention = org.Name, MentionKey = org.Name.ToLowerInvariant(), OrganizationId = org.Id, Resolution = "exact", Order = order };
}
