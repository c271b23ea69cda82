using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Core.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Tests.Plans;

/// <summary>Filing and reviewing progress, on both providers: who may, who may not, and what it changes.</summary>
public sealed class PlanTrackingTests : IDisposable
{
    private readonly string attachments = Path.Combine(Path.GetTempPath(), "ptds-attachments-" + Guid.NewGuid().ToString("N"));

    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 6, 20, 8, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(attachments))
        {
            Directory.Delete(attachments, recursive: true);
        }
    }

    private AttachmentStore Store(long maxBytes = 10 * 1024 * 1024) => new(new AttachmentStoreOptions { Directory = attachments, MaxBytes = maxBytes });

    private static async Task<(TestTerritory World, TestPlan Plan)> SeedAsync(TestDatabase database)
    {
        var world = await TestTerritory.SeedAsync(database);
        await using var db = database.Context(Actor.System);
        // OrgA2 (in commune A) leads every task; OrgA and OrgB carry them out.
        var plan = await TestPlan.SeedAsync(db, world.Province.Id, world.OrgA2, [world.OrgA, world.OrgB]);
        return (world, plan);
    }

    private static FileProgressReport.Input Progress(AssignmentStatus status = AssignmentStatus.InProgress, int? percent = 40) =>
        new(status, percent, "Đã tổ chức 3 buổi tuyên truyền", "2026", new Dictionary<string, decimal> { ["Số buổi"] = 3, ["Người tham dự"] = 240 });

    [Theory, OnSqlite, OnPostgres]
    public async Task A_liaison_files_progress_for_its_own_organisation(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var assignment = plan.Assignment(plan.Recurring, world.OrgA);

        await using (var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), Clock))
        {
            var png = (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
            var result = await new FileProgressReport(db, Store()).HandleAsync(assignment.Id, Progress(), [new AttachmentUpload("ảnh buổi 1.png", png)], default);

            Assert.True(result.IsSuccess, result.Error?.Message);
            Assert.Equal("2026", result.Value!.Period);
            Assert.Equal(240, result.Value.Figures["Người tham dự"]);
            var stored = Assert.Single(result.Value.Attachments);
            Assert.Equal("image/png", stored.ContentType);
        }

        await using var check = database.Context(Actor.System);
        var saved = await check.PlanAssignments.SingleAsync(a => a.Id == assignment.Id);
        Assert.Equal((AssignmentStatus.InProgress, 40), (saved.Status, saved.Percent));
        Assert.Equal(Clock.Now.UtcDateTime, saved.LastReportedAt);
        var file = await check.ReportAttachments.SingleAsync();
        Assert.Matches("^[0-9a-f]{64}$", file.StoredName);
        Assert.True(File.Exists(Path.Combine(attachments, file.StoredName)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_whose_save_fails_leaves_no_stored_file(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var assignment = plan.Assignment(plan.Recurring, world.OrgA);

        // The database refuses the report row after the files were written.
        await database.ExecuteSqlAsync(provider == DatabaseProvider.Sqlite
            ? "CREATE TRIGGER refuse_reports BEFORE INSERT ON progress_reports BEGIN SELECT RAISE(ABORT, 'refused'); END;"
            : "CREATE FUNCTION refuse_reports() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$; "
              + "CREATE TRIGGER refuse_reports BEFORE INSERT ON progress_reports FOR EACH ROW EXECUTE FUNCTION refuse_reports();");
        await using var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), Clock);
        var png = (byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9];

        await Assert.ThrowsAnyAsync<Exception>(() => new FileProgressReport(db, Store()).HandleAsync(assignment.Id, Progress(), [new AttachmentUpload("ảnh.png", png)], default));

        Assert.Empty(Directory.Exists(attachments) ? Directory.GetFiles(attachments) : []);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Others_may_not_file_for_a_body(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var assignment = plan.Assignment(plan.Recurring, world.OrgA);

        async Task<Error?> FileAs(Actor actor)
        {
            await using var db = database.Context(actor, Clock);
            return (await new FileProgressReport(db, Store()).HandleAsync(assignment.Id, Progress(), [], default)).Error;
        }

        Assert.IsType<ForbiddenError>(await FileAs(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA2.Id)));
        Assert.IsType<NotFoundError>(await FileAs(TestTerritory.ActorAt(world.CommuneB, Role.Officer)));
        Assert.IsType<ForbiddenError>(await FileAs(TestTerritory.ActorAt(world.Province, Role.Viewer)));
        Assert.Null(await FileAs(TestTerritory.ActorAt(world.CommuneA, Role.Officer)));

        // The write guard refuses the same even when a handler is bypassed.
        await using var direct = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA2.Id), Clock);
        direct.ProgressReports.Add(new ProgressReport { AssignmentId = assignment.Id, Period = "2026", Narrative = "x", SubmittedBy = "x" });
        await Assert.ThrowsAsync<AccessDeniedException>(() => direct.SaveChangesAsync());

        await using var check = database.Context(Actor.System);
        Assert.Equal(1, await check.ProgressReports.CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_lead_body_reviews_and_other_liaisons_may_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        int reportId;
        await using (var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), Clock))
        {
            reportId = (await new FileProgressReport(db, Store()).HandleAsync(plan.Assignment(plan.Recurring, world.OrgA).Id, Progress(), [], default)).Value!.Id;
        }

        async Task<Result<ProgressReportView>> ReviewAs(Actor actor, ReviewProgressReport.Input input)
        {
            await using var db = database.Context(actor, Clock);
            return await new ReviewProgressReport(db).HandleAsync(reportId, input, default);
        }

        var accept = new ReviewProgressReport.Input(ReviewProgressReport.Decision.Accept);
        Assert.IsType<ForbiddenError>((await ReviewAs(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), accept)).Error);
        Assert.IsType<NotFoundError>((await ReviewAs(TestTerritory.ActorAt(world.CommuneB, Role.AgencyLiaison, world.OrgB.Id), accept)).Error);
        Assert.IsType<ForbiddenError>((await ReviewAs(TestTerritory.ActorAt(world.CommuneA, Role.Officer), accept)).Error);
        Assert.IsType<ValidationError>((await ReviewAs(TestTerritory.ActorAt(world.Province, Role.Officer), new(ReviewProgressReport.Decision.Return))).Error);

        var lead = await ReviewAs(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA2.Id), accept);
        Assert.True(lead.IsSuccess, lead.Error?.Message);
        Assert.Equal(ReviewState.Accepted, lead.Value!.ReviewState);
        Assert.IsType<ValidationError>((await ReviewAs(TestTerritory.ActorAt(world.Province, Role.Officer), accept)).Error);

        await using var check = database.Context(Actor.System);
        var saved = await check.ProgressReports.SingleAsync();
        Assert.Equal((world.OrgA2.Id, "agencyliaison@00001"), (saved.ReviewerOrganizationId!.Value, saved.ReviewedBy!));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_plan_unit_returns_a_report_with_a_note_and_it_stops_counting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var assignment = plan.Assignment(plan.Recurring, world.OrgB);
        int reportId;
        await using (var db = database.Context(TestTerritory.ActorAt(world.CommuneB, Role.Officer), Clock))
        {
            reportId = (await new FileProgressReport(db, Store()).HandleAsync(assignment.Id, Progress() with { Period = "2025" }, [], default)).Value!.Id;
            Assert.False((await new GetAssignment(db).HandleAsync(assignment.Id, default)).Value!.Flags.Silent);
        }

        await using (var db = database.Context(TestTerritory.ActorAt(world.Province, Role.Commander), Clock))
        {
            var returned = await new ReviewProgressReport(db).HandleAsync(reportId, new(ReviewProgressReport.Decision.Return, "Thiếu số liệu"), default);
            Assert.Equal((ReviewState.Returned, "Thiếu số liệu"), (returned.Value!.ReviewState, returned.Value.ReviewNote));
            Assert.True((await new GetAssignment(db).HandleAsync(assignment.Id, default)).Value!.Flags.Silent);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Attachments_of_the_wrong_type_size_or_name_are_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var assignment = plan.Assignment(plan.Recurring, world.OrgA);
        await using var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), Clock);
        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

        async Task<Error?> Attach(AttachmentUpload upload, long maxBytes = 10 * 1024 * 1024) =>
            (await new FileProgressReport(db, Store(maxBytes)).HandleAsync(assignment.Id, Progress(), [upload], default)).Error;

        Assert.IsType<ValidationError>(await Attach(new("virus.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03])));
        Assert.IsType<ValidationError>(await Attach(new("bao-cao.exe", pdf)));
        Assert.IsType<ValidationError>(await Attach(new("bao-cao.png", pdf)));
        Assert.IsType<ValidationError>(await Attach(new("../../etc/passwd.pdf", pdf)));
        Assert.IsType<ValidationError>(await Attach(new("..\\bao-cao.pdf", pdf)));
        Assert.IsType<ValidationError>(await Attach(new("bao-cao.pdf", pdf), maxBytes: 8));
        Assert.IsType<ValidationError>(await Attach(new("not-a-docx.docx", "PK\u0003\u0004garbage"u8.ToArray())));
        Assert.IsType<ValidationError>(await Attach(new("ghi-chu.txt", [0x41, 0x00, 0x42])));
        Assert.Equal(0, await db.ProgressReports.CountAsync());
        Assert.False(Directory.Exists(attachments) && Directory.EnumerateFiles(attachments).Any());

        Assert.Null(await Attach(new("ghi chú.txt", "Ghi chú buổi tuyên truyền"u8.ToArray())));
        Assert.Null(await Attach(new("bao-cao.pdf", pdf)));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_attachment_is_read_back_only_within_its_reports_scope(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        var content = "%PDF-1.4 test\n%%EOF"u8.ToArray();
        ProgressReportView report;
        await using (var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.AgencyLiaison, world.OrgA.Id), Clock))
        {
            report = (await new FileProgressReport(db, Store()).HandleAsync(plan.Assignment(plan.Recurring, world.OrgA).Id, Progress(), [new("bc.pdf", content)], default)).Value!;
        }

        var attachmentId = report.Attachments[0].Id;
        await using (var province = database.Context(TestTerritory.ActorAt(world.Province, Role.Viewer)))
        {
            var file = await new GetReportAttachment(province, Store()).HandleAsync(report.Id, attachmentId, default);
            await using var stream = file.Value!.Content;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            Assert.Equal(content, copy.ToArray());
            Assert.Equal(("bc.pdf", "application/pdf"), (file.Value.FileName, file.Value.ContentType));
        }

        await using var other = database.Context(TestTerritory.ActorAt(world.CommuneB, Role.Officer));
        Assert.IsType<NotFoundError>((await new GetReportAttachment(other, Store()).HandleAsync(report.Id, attachmentId, default)).Error);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_progress_input_is_refused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(world.CommuneA, Role.Officer), Clock);
        var handler = new FileProgressReport(db, Store());
        var id = plan.Assignment(plan.Recurring, world.OrgA).Id;

        Assert.Equal("narrative", (await handler.HandleAsync(id, Progress() with { Narrative = "  " }, [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal("narrative", (await handler.HandleAsync(id, Progress() with { Narrative = new string('x', 20001) }, [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal("percent", (await handler.HandleAsync(id, Progress(percent: 101), [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal("period", (await handler.HandleAsync(id, Progress() with { Period = "2027" }, [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal("period", (await handler.HandleAsync(id, Progress() with { Period = "2026-Q1" }, [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal("figures", (await handler.HandleAsync(id, Progress() with { Figures = new Dictionary<string, decimal> { ["a\u0000"] = 1 } }, [], default)).Error!.FieldErrors!.Keys.Single());
        Assert.Equal(0, await db.ProgressReports.CountAsync());
    }
}
