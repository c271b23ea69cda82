using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Plans;

/// <summary>Overdue, silent, reminders, "my tasks", the dashboard, settings and subordinate plans, on both providers.</summary>
public sealed class PlanFlagsAndDashboardTests
{
    private static async Task<(TestTerritory World, TestPlan Plan)> SeedAsync(TestDatabase database)
    {
        var world = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        var plan = await TestPlan.SeedAsync(db, world.Province.Id, world.OrgA2, [world.OrgA, world.OrgB]);
        return (world, plan);
    }

    private static async Task FileAsync(TestDatabase database, ManualClock clock, Actor actor, int assignmentId, string period, AssignmentStatus status = AssignmentStatus.InProgress)
    {
        await using var db = database.Context(actor, clock);
        var store = new AttachmentStore(new AttachmentStoreOptions { Directory = Path.GetTempPath() });
        var result = await new FileProgressReport(db, store).HandleAsync(assignmentId, new(status, null, "Đang triển khai", period), [], default);
        Assert.True(result.IsSuccess, result.Error?.Message);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reminders_are_raised_once_before_a_deadline_and_shown_on_my_tasks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var clock = new ManualClock(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using (var system = database.Context(Actor.System, clock))
        {
            Assert.Equal(0, await new RaisePlanReminders(system).HandleAsync(clock.Now.UtcDateTime, default));
            clock.Advance(TimeSpan.FromDays(19));
            Assert.Equal(2, await new RaisePlanReminders(system).HandleAsync(clock.Now.UtcDateTime, default));
            Assert.Equal(0, await new RaisePlanReminders(system).HandleAsync(clock.Now.UtcDateTime.AddHours(1), default));
            Assert.Equal(["due:2026-06-30"], await system.PlanReminders.Select(r => r.Slot).Distinct().ToListAsync());
        }

        var liaison = TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id);
        await using (var db = database.Context(liaison, clock))
        {
            var mine = await new ListMyTasks(db).HandleAsync(new(), new PageQuery(), default);
            Assert.Equal(3, mine.Total);
            Assert.All(mine.Items, t => Assert.Equal(world.OrgA.Id, t.OrganizationId));
            var dated = mine.Items.Single(t => t.TaskId == plan.Dated.Id);
            Assert.True(dated.Flags.DueSoon);
            Assert.Equal(new DateOnly(2026, 6, 30), dated.Reminder!.DueOn);
            Assert.Equal([plan.Dated.Id], (await new ListMyTasks(db).HandleAsync(new(Only: ListMyTasks.Flag.DueSoon), new PageQuery(), default)).Items.Select(t => t.TaskId));
        }

        await using (var officerB = database.Context(TestTerritory.ActorAt(world.CommuneB, Role.Officer), clock))
        {
            var theirs = await new ListMyTasks(officerB).HandleAsync(new(), new PageQuery(), default);
            Assert.Equal(2, theirs.Total);
            Assert.All(theirs.Items, t => Assert.Equal(world.OrgB.Id, t.OrganizationId));
        }

        clock.Advance(TimeSpan.FromDays(11));
        await using (var db = database.Context(liaison, clock))
        {
            var overdue = await new ListMyTasks(db).HandleAsync(new(Only: ListMyTasks.Flag.Overdue), new PageQuery(), default);
            Assert.Equal([plan.Dated.Id], overdue.Items.Select(t => t.TaskId));
        }

        await FileAsync(database, clock, liaison, plan.Assignment(plan.Dated, world.OrgA).Id, "2026", AssignmentStatus.Completed);
        await using (var db = database.Context(liaison, clock))
        {
            Assert.Equal(0, (await new ListMyTasks(db).HandleAsync(new(Only: ListMyTasks.Flag.Overdue), new PageQuery(), default)).Total);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_dashboard_counts_by_group_and_body_and_agrees_with_my_tasks(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var clock = new ManualClock(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero));
        await FileAsync(database, clock, TestTerritory.ActorAt(world.CommuneA, Role.Officer), plan.Assignment(plan.Recurring, world.OrgA).Id, "2025");
        await FileAsync(database, clock, TestTerritory.ActorAt(world.CommuneB, Role.Officer), plan.Assignment(plan.Recurring, world.OrgB).Id, "2026", AssignmentStatus.Stalled);

        await using var db = database.Context(TestTerritory.ActorAt(world.Province, Role.Viewer), clock);
        var dashboard = (await new GetPlanDashboard(db).HandleAsync(plan.PlanId, new DashboardFilter(), default)).Value!;
        Assert.Equal(5, dashboard.Totals.Assignments);
        Assert.Equal(2, dashboard.Totals.Overdue);
        // Silent: no report since 2025 (the last period due): the dated task of A, the period task of A, the dated task of B.
        Assert.Equal(3, dashboard.Totals.Silent);
        Assert.Equal(["1", "2"], dashboard.Groups.Select(g => g.Number));
        Assert.Equal(2, dashboard.Bodies.Count);
        var cellB = dashboard.Cells.Single(c => c.GroupId == plan.Recurring.GroupId && c.OrganizationId == world.OrgB.Id);
        Assert.Equal((2, "heat-bad"), (cellB.Total, cellB.Heat));
        Assert.Equal(1, cellB.ByStatus["Stalled"]);
        Assert.Equal(["2025", "2026"], dashboard.Progress.Select(p => p.Period));

        await using (var officerA = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.Officer), clock))
        {
            var flags = (await new ListMyTasks(officerA).HandleAsync(new(), new PageQuery(), default)).Items.Select(t => t.Flags).ToList();
            var aOnly = (await new GetPlanDashboard(db).HandleAsync(plan.PlanId, new DashboardFilter(OrganizationId: world.OrgA.Id), default)).Value!;
            Assert.Equal((flags.Count(f => f.Overdue), flags.Count(f => f.Silent)), (aOnly.Totals.Overdue, aOnly.Totals.Silent));
        }

        var period = (await new GetPlanDashboard(db).HandleAsync(plan.PlanId, new DashboardFilter(Period: "2026"), default)).Value!;
        Assert.Equal(4, period.Totals.ByStatus[GetPlanDashboard.NotReported]);
        Assert.Equal(1, period.Totals.ByStatus["Stalled"]);
        Assert.IsType<ValidationError>((await new GetPlanDashboard(db).HandleAsync(plan.PlanId, new DashboardFilter(Period: "2026-Q1"), default)).Error);

        var rows = (await new GetPlanDashboard(db).HandleAsync(plan.PlanId, new DashboardFilter(Status: AssignmentStatus.Stalled), default)).Value!;
        Assert.Equal(1, rows.Totals.Assignments);
        var csv = (await new GetPlanDashboard(db).RowsAsync(plan.PlanId, new DashboardFilter(GroupId: plan.Period.GroupId), default)).Value!;
        var row = Assert.Single(csv);
        Assert.Equal((true, false), (row.Silent, row.Overdue));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_plan_unit_changes_its_reporting_period(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        await using (var officer = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.Officer)))
        {
            Assert.IsType<ForbiddenError>((await new UpdatePlanSettings(officer).HandleAsync(plan.PlanId, new(ReportingPeriod.Quarterly), default)).Error);
        }

        await using var commander = database.Context(TestTerritory.ActorAt(world.Province, Role.Commander));
        Assert.IsType<ConflictError>((await new UpdatePlanSettings(commander).HandleAsync(plan.PlanId, new(ReportingPeriod.Quarterly, Version: 99), default)).Error);
        Assert.Equal(ReportingPeriod.Quarterly, (await new UpdatePlanSettings(commander).HandleAsync(plan.PlanId, new(ReportingPeriod.Quarterly), default)).Value);
        Assert.Equal(ReportingPeriod.Quarterly, await commander.Plans.Where(p => p.Id == plan.PlanId).Select(p => p.ReportingPeriod).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_commune_carries_tasks_down_into_its_own_plan(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var input = new CreateSubordinatePlan.Input(world.CommuneA.Id, [plan.Recurring.Id, plan.Period.Id]);

        await using (var other = database.Context(TestTerritory.ActorAt(world.CommuneB, Role.Officer)))
        {
            Assert.False((await new CreateSubordinatePlan(other).HandleAsync(plan.PlanId, input, default)).IsSuccess);
        }

        await using (var liaison = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id)))
        {
            Assert.IsType<ForbiddenError>((await new CreateSubordinatePlan(liaison).HandleAsync(plan.PlanId, input, default)).Error);
        }

        await using var officer = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.Officer));
        Assert.IsType<ValidationError>((await new CreateSubordinatePlan(officer).HandleAsync(plan.PlanId, input with { TaskIds = [] }, default)).Error);
        var created = await new CreateSubordinatePlan(officer).HandleAsync(plan.PlanId, input, default);
        Assert.True(created.IsSuccess, created.Error?.Message);

        var child = (await new GetPlan(officer).HandleAsync(created.Value, default)).Value!;
        Assert.Equal(plan.PlanId, child.ParentPlanId);
        Assert.Equal(world.CommuneA.Id, child.UnitId);
        var tasks = child.Groups.SelectMany(g => g.Tasks).ToList();
        Assert.Equal([plan.Recurring.Id, plan.Period.Id], tasks.Select(t => t.ParentTaskId!.Value));
        Assert.Equal(plan.Recurring.Text, tasks[0].Text);
        // Only bodies of commune A come down: OrgA implements both tasks, OrgA2 leads.
        Assert.Equal([1, 1], tasks.Select(t => t.Assignments));

        var carried = await new ListCarriedDown(officer).HandleAsync(plan.PlanId, default);
        Assert.Equal(created.Value, Assert.Single(carried[plan.Recurring.Id]).PlanId);
        Assert.Empty(carried[plan.Dated.Id]);
    }
}
