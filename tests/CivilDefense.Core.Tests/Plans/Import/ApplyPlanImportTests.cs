using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Import;
using CivilDefense.Core.Plans.Parsing;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Plans.Import;

public sealed class ApplyPlanImportTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Preview_writes_nothing_and_apply_creates_the_plan_with_its_assignments(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));

        var preview = (await new PreviewPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, default)).Value!;
        Assert.Equal(PlanImportOutcome.New, preview.Outcome);
        Assert.Equal(["1", "2"], preview.Plan.Groups.Select(g => g.Number));
        Assert.Equal(["1.1", "1.2", "2"], preview.Plan.Tasks.Select(t => t.Number));
        Assert.Contains(preview.Review, r => r.Mention.Contains("Hội Bảo trợ người khuyết tật", StringComparison.Ordinal));
        Assert.Equal(0, await db.Plans.CountAsync());

        var result = (await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default)).Value!;
        Assert.Equal(PlanImportOutcome.New, result.Outcome);
        var plan = await db.Plans.SingleAsync();
        Assert.Equal("12-KH/TU", plan.NumberSymbol);
        Assert.Equal(1, plan.Revision);

        // 1.1 is carried out by the Party group of the People's Committee and the police's Party committee.
        var task11 = await db.PlanTasks.Include(t => t.Assignments).SingleAsync(t => t.Number == "1.1");
        Assert.Equal(new DateOnly(2024, 6, 30), task11.DueDate);
        Assert.Equal(
            new[] { registry.Orgs["Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh"].Id, registry.Orgs["Đảng ủy Công an tỉnh Tây Ninh"].Id }.Order(),
            task11.Assignments.Select(a => a.OrganizationId).Order());

        // The name nobody could match stays on the task, on the review list, without an assignment.
        var unmatched = await db.PlanTaskBodies.Where(b => b.OrganizationId == null).Select(b => b.Mention).ToListAsync();
        Assert.Contains(unmatched, m => m.Contains("Hội Bảo trợ người khuyết tật", StringComparison.Ordinal));
        Assert.Equal(1, await db.PlanRevisions.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Bodies_and_assignments_written_set_based_are_each_audited_and_stay_tracked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));

        await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default);

        // The context knows the rows it inserted: saving again writes nothing more.
        Assert.Equal(0, await db.SaveChangesAsync());
        var bodies = await db.PlanTaskBodies.AsNoTracking().ToListAsync();
        var assignments = await db.PlanAssignments.AsNoTracking().ToListAsync();
        Assert.NotEmpty(bodies);
        Assert.NotEmpty(assignments);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(PlanTaskBody) || a.EntityType == nameof(PlanAssignment)).ToListAsync();
        Assert.All(audit, a => Assert.Equal(("Create", "officer@" + registry.Province.Code), (a.Action, a.Actor)));
        Assert.Equal(bodies.Select(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            audit.Where(a => a.EntityType == nameof(PlanTaskBody)).Select(a => a.EntityId).Order());
        Assert.Equal(assignments.Select(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            audit.Where(a => a.EntityType == nameof(PlanAssignment)).Select(a => a.EntityId).Order());

        // Each entry holds the row as stored, under the plan's unit.
        var first = bodies.OrderBy(b => b.Id).First();
        var entry = audit.Single(a => a.EntityType == nameof(PlanTaskBody) && a.EntityId == first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var after = System.Text.Json.JsonDocument.Parse(entry.After!);
        Assert.Equal(first.TaskId, after.RootElement.GetProperty("TaskId").GetInt32());
        Assert.Equal(first.Mention, after.RootElement.GetProperty("Mention").GetString());
        Assert.Equal(registry.Province.Id, entry.UnitId);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task The_same_document_again_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));
        await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default);
        var auditBefore = await db.AuditEntries.CountAsync();

        var preview = (await new PreviewPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, default)).Value!;
        var again = (await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default)).Value!;

        Assert.Equal(PlanImportOutcome.Unchanged, preview.Outcome);
        Assert.Empty(preview.Changes);
        Assert.Equal(PlanImportOutcome.Unchanged, again.Outcome);
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
        Assert.Equal(1, (await db.Plans.SingleAsync()).Revision);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task An_amended_document_becomes_the_next_revision_and_moves_the_assignments(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));
        await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default);

        var amended = PlanFixtures.Plan12
            .Replace("Ban cán sự đảng Ủy ban nhân dân tỉnh; Đảng ủy Công an tỉnh.", "Ban cán sự đảng Ủy ban nhân dân tỉnh; Đảng ủy Bộ đội Biên phòng tỉnh.", StringComparison.Ordinal)
            .Replace("Tuyên truyền về phòng thủ dân sự.", "Tuyên truyền sâu rộng về phòng thủ dân sự.", StringComparison.Ordinal);
        var preview = (await new PreviewPlanImport(db).HandleAsync(PlanFixtures.File(amended), registry.Province.Id, default)).Value!;
        Assert.Equal(PlanImportOutcome.Amended, preview.Outcome);
        Assert.Equal(2, preview.Revision);
        Assert.Contains(preview.Changes, c => c is { Kind: PlanChangeKind.TaskBodies, Number: "1.1" });
        Assert.Contains(preview.Changes, c => c is { Kind: PlanChangeKind.TaskText, Number: "1.2" });
        Assert.DoesNotContain(preview.Changes, c => c.Number == "2");

        var result = (await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(amended), registry.Province.Id, [], default)).Value!;
        Assert.Equal(PlanImportOutcome.Amended, result.Outcome);
        Assert.Equal(2, result.Revision);
        var assignments = await db.PlanAssignments.Where(a => a.Task.Number == "1.1").ToListAsync();
        Assert.False(assignments.Single(a => a.OrganizationId == registry.Orgs["Đảng ủy Công an tỉnh Tây Ninh"].Id).IsActive);
        Assert.True(assignments.Single(a => a.OrganizationId == registry.Orgs["Đảng ủy Bộ đội Biên phòng tỉnh Tây Ninh"].Id).IsActive);
        Assert.Equal(2, await db.PlanRevisions.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_review_decision_creates_the_organisation_and_is_remembered_for_the_next_import(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));
        var preview = (await new PreviewPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, default)).Value!;
        var item = preview.Review.Single(r => r.Mention.Contains("Hội Bảo trợ", StringComparison.Ordinal));

        var decision = new BodyDecision(item.MentionKey, null, new NewBodyOrganization("Hội Bảo trợ người khuyết tật tỉnh Tây Ninh", OrganizationKind.MassOrganization, registry.Province.Id, null));
        var result = (await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [decision], default)).Value!;

        var created = await db.Organizations.SingleAsync(o => o.Name == "Hội Bảo trợ người khuyết tật tỉnh Tây Ninh");
        Assert.Contains(await db.PlanAssignments.Where(a => a.Task.Number == "1.2").Select(a => a.OrganizationId).ToListAsync(), id => id == created.Id);
        Assert.Equal(preview.Review.Count - 1, result.Unresolved);
        Assert.Equal(created.Id, (await db.BodyAliases.SingleAsync()).OrganizationId);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Mapping_a_name_after_the_import_gives_the_body_its_assignment(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));
        var imported = (await new ApplyPlanImport(db).HandleAsync(PlanFixtures.File(PlanFixtures.Plan12), registry.Province.Id, [], default)).Value!;
        var key = await db.PlanTaskBodies.Where(b => b.OrganizationId == null && b.Mention.Contains("Hội Bảo trợ")).Select(b => b.MentionKey).FirstAsync();
        var target = registry.Orgs["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tây Ninh"];

        var mapped = await new MapPlanBody(db).HandleAsync(imported.PlanId, new MapPlanBody.Input(key, target.Id, null), default);

        Assert.Equal(1, mapped.Value);
        Assert.Contains(await db.PlanAssignments.Where(a => a.Task.Number == "1.2" && a.IsActive).Select(a => a.OrganizationId).ToListAsync(), id => id == target.Id);
        var details = (await new GetPlan(db).HandleAsync(imported.PlanId, default)).Value!;
        Assert.DoesNotContain(details.Unresolved, u => u.MentionKey == key);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Who_may_import_and_who_sees_what(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        var file = PlanFixtures.File(PlanFixtures.Plan12);
        int planId;
        await using (var province = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer)))
        {
            planId = (await new ApplyPlanImport(province).HandleAsync(file, registry.Province.Id, [], default)).Value!.PlanId;
        }

        // A commune officer cannot import a plan for the province above it, and sees no unit there to import into.
        await using (var commune = database.Context(TestTerritory.ActorAt(registry.CommuneA, Role.Officer)))
        {
            Assert.IsType<NotFoundError>((await new ApplyPlanImport(commune).HandleAsync(file, registry.Province.Id, [], default)).Error);

            // It does read the province's plan, which it carries out, but only its own subtree's assignments.
            Assert.True((await new GetPlan(commune).HandleAsync(planId, default)).IsSuccess);
            Assert.All(await commune.PlanAssignments.Select(a => a.UnitId).ToListAsync(), id => Assert.Equal(registry.CommuneA.Id, id));

            // Nor may it map names of the province's plan.
            var key = await commune.PlanTaskBodies.Where(b => b.OrganizationId == null).Select(b => b.MentionKey).FirstAsync();
            Assert.IsType<ForbiddenError>((await new MapPlanBody(commune).HandleAsync(planId, new MapPlanBody.Input(key, registry.Orgs["Tỉnh đoàn Tây Ninh"].Id, null), default)).Error);
        }

        await using (var viewer = database.Context(TestTerritory.ActorAt(registry.Province, Role.Viewer)))
        {
            Assert.IsType<ForbiddenError>((await new ApplyPlanImport(viewer).HandleAsync(file, registry.Province.Id, [], default)).Error);
        }

        await using (var liaison = database.Context(TestTerritory.ActorAt(registry.Province, Role.AgencyLiaison, registry.Orgs["Tỉnh đoàn Tây Ninh"].Id)))
        {
            Assert.IsType<ForbiddenError>((await new ApplyPlanImport(liaison).HandleAsync(file, registry.Province.Id, [], default)).Error);
        }

        await using var check = database.Context(Actor.System);
        Assert.Equal(1, await check.Plans.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_file_that_is_not_a_plan_is_refused_and_nothing_is_created(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));

        foreach (var file in new[]
                 {
                     PlanFixtures.File(""),
                     PlanFixtures.File("Hôm nay trời đẹp. Chúng tôi đi chơi công viên và ăn kem.\n\nKhông có gì khác.", "note.txt"),
                     new PlanFile("plan.docx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]),
                 })
        {
            var result = await new ApplyPlanImport(db).HandleAsync(file, registry.Province.Id, [], default);
            Assert.IsType<PlanReadError>(result.Error);
        }

        Assert.Equal(0, await db.Plans.CountAsync());
        Assert.Equal(0, await db.PlanTasks.CountAsync());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Seed_002_imports_to_nine_groups_and_twenty_two_tasks_with_their_bodies(DatabaseProvider provider)
    {
        if (PlanFixtures.SharedSeed("002_9a0f3735eabe22ce.txt") is not { } path)
        {
            return; // The shared seeds are not beside this checkout; the parser's own fixtures still run.
        }

        await using var database = await TestDatabase.CreateAsync(provider);
        var registry = await PlanRegistry.SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(registry.Province, Role.Officer));
        var file = new PlanFile(Path.GetFileName(path), await File.ReadAllBytesAsync(path));

        var result = (await new ApplyPlanImport(db).HandleAsync(file, registry.Province.Id, [], default)).Value!;

        Assert.Equal((9, 22), (result.Groups, result.Tasks));
        var plan = (await new GetPlan(db).HandleAsync(result.PlanId, default)).Value!;
        var tasks = plan.Groups.SelectMany(g => g.Tasks).ToDictionary(t => t.Number);
        Assert.Equal(22, tasks.Count);
        string[] Names(string number, BodyRole role) => tasks[number].Bodies.Where(b => b.Role == role).Select(b => b.Mention).Distinct().ToArray();
        Assert.Equal(["Ban Thường vụ Tỉnh ủy"], Names("1.4", BodyRole.Directing));
        Assert.Equal(["Ủy ban Kiểm tra Tỉnh ủy", "Ban cán sự đảng Ủy ban nhân dân tỉnh"], Names("1.4", BodyRole.Lead));
        Assert.Equal(["Đảng ủy Quân sự tỉnh", "Đảng ủy Công an tỉnh"], Names("2.4", BodyRole.Lead));
        Assert.Equal(TimingKind.Unspecified, tasks["9"].TimingKind);
        Assert.Equal(TimingKind.Recurring, tasks["1.1"].TimingKind);

        // Bodies the registry holds resolve to them, whatever the document's spelling.
        var lead14 = tasks["1.4"].Bodies.Where(b => b.Role == BodyRole.Lead).Select(b => b.OrganizationId).ToList();
        Assert.Equal([registry.Orgs["Ủy ban Kiểm tra Tỉnh ủy Tây Ninh"].Id, registry.Orgs["Ban cán sự đảng Ủy ban nhân dân tỉnh Tây Ninh"].Id], lead14);
        Assert.All(tasks["6.1"].Bodies.Where(b => b.Role == BodyRole.Implementing && b.Mention.Contains("ban cán sự đảng", StringComparison.OrdinalIgnoreCase)),
            b => Assert.NotNull(b.OrganizationId));
    }
}
