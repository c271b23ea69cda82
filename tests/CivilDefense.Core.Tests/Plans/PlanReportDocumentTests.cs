using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Reports;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Core.Tests.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Cell = DocumentFormat.OpenXml.Spreadsheet.Cell;
using Row = DocumentFormat.OpenXml.Spreadsheet.Row;
using Sheet = DocumentFormat.OpenXml.Spreadsheet.Sheet;
using SpreadsheetDocument = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument;
using WorksheetPart = DocumentFormat.OpenXml.Packaging.WorksheetPart;

namespace CivilDefense.Core.Tests.Plans;

/// <summary>The yearly report (DOCX) and the task workbook (XLSX), opened and checked for structure.</summary>
public sealed class PlanReportDocumentTests
{
    private static readonly ManualClock Clock = new(new DateTimeOffset(2026, 12, 20, 0, 0, 0, TimeSpan.Zero));

    private static async Task<(TestTerritory World, TestPlan Plan)> SeedWithReportsAsync(TestDatabase database)
    {
        var world = await TestTerritory.SeedAsync(database);
        TestPlan plan;
        await using (var system = database.Context(Actor.System, Clock))
        {
            plan = await TestPlan.SeedAsync(system, world.Province.Id, world.OrgA2, [world.OrgA, world.OrgB]);
        }

        await using var db = database.Context(Actor.System, Clock);
        var store = new AttachmentStore(new AttachmentStoreOptions { Directory = Path.GetTempPath() });
        var file = new FileProgressReport(db, store);
        var accepted = await file.HandleAsync(plan.Assignment(plan.Recurring, world.OrgA).Id,
            new(AssignmentStatus.Completed, null, "Tổ chức 12 buổi tuyên truyền tại các khu phố", "2026", new Dictionary<string, decimal> { ["Số buổi"] = 12 }), [], default);
        var submitted = await file.HandleAsync(plan.Assignment(plan.Recurring, world.OrgB).Id,
            new(AssignmentStatus.InProgress, 50, "Báo cáo chưa duyệt KHÔNG được đưa vào", "2026"), [], default);
        await new ReviewProgressReport(db).HandleAsync(accepted.Value!.Id, new(ReviewProgressReport.Decision.Accept), default);
        Assert.True(submitted.IsSuccess);
        return (world, plan);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_yearly_report_follows_the_administrative_format(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedWithReportsAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(world.Province, Role.Viewer), Clock);

        var file = (await new ExportPlanReport(db).HandleAsync(plan.PlanId, 2026, default)).Value!;
        Assert.Equal("bao-cao-83-kh-tu-2026.docx", file.FileName);

        using var document = WordprocessingDocument.Open(new MemoryStream(file.Content), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains(PlanReportDocument.Motto, text);
        Assert.Contains(PlanReportDocument.MottoLine2, text);
        Assert.Contains("Số:       /BC-TU", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Kết quả thực hiện Kế hoạch số 83-KH/TU năm 2026", text);
        Assert.Contains("Tổ chức 12 buổi tuyên truyền tại các khu phố", text);
        Assert.Contains("Số buổi: 12", text);
        Assert.DoesNotContain("KHÔNG được đưa vào", text);
        Assert.Contains("Nơi nhận:", text);

        var place = body.Descendants<Paragraph>().Single(p => p.InnerText.StartsWith("Tỉnh Một, ngày", StringComparison.Ordinal));
        Assert.NotNull(place.Descendants<Italic>().FirstOrDefault());
        var issuer = body.Descendants<Paragraph>().Single(p => p.InnerText == "BAN CHỈ HUY PHÒNG THỦ DÂN SỰ TỈNH");
        Assert.NotNull(issuer.Descendants<Bold>().FirstOrDefault());
        Assert.NotNull(issuer.Descendants<Underline>().FirstOrDefault());

        var fonts = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        Assert.Equal("28", document.MainDocumentPart.StyleDefinitionsPart.Styles.DocDefaults!.Descendants<FontSize>().Single().Val!.Value);
        Assert.All(body.Descendants<RunFonts>(), f => Assert.Equal("Times New Roman", f.Ascii!.Value));

        var portrait = body.Descendants<SectionProperties>().First();
        var margin = portrait.GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701u, 850u), (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value));
        Assert.Equal(11906u, portrait.GetFirstChild<PageSize>()!.Width!.Value);

        var annex = body.Elements<Table>().Last();
        Assert.Equal(3 + 1, annex.Elements<TableRow>().Count());
        Assert.Contains(world.OrgA2.Name, annex.InnerText);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Tasks_and_assignments_export_to_a_workbook(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (world, plan) = await SeedWithReportsAsync(database);
        await using var db = database.Context(TestTerritory.ActorAt(world.Province, Role.Viewer), Clock);

        var file = (await new ExportPlanTasks(db).HandleAsync(plan.PlanId, default)).Value!;
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var part = workbook.WorkbookPart!;
        string[][] Sheet(string name)
        {
            var sheet = part.Workbook.Descendants<Sheet>().Single(s => s.Name == name);
            return ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToArray()).ToArray();
        }

        var tasks = Sheet("Nhiệm vụ");
        Assert.Equal(1 + 3, tasks.Length);
        Assert.Equal(plan.Recurring.Text, tasks[1][2]);
        var assignments = Sheet("Phân công");
        Assert.Equal(1 + 5, assignments.Length);
        Assert.Equal("Hoàn thành", assignments[1][4]);
    }
}
