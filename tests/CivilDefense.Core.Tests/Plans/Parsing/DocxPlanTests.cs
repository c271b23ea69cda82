using CivilDefense.Core.Plans.Parsing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CivilDefense.Core.Tests.Plans.Parsing;

/// <summary>A DOCX built here with Open XML: heading styles, bold runs, automatic numbering "%1." / "%1.%2." and a bullet list.</summary>
public sealed class DocxPlanTests
{
    [Fact]
    public void Paragraphs_carry_rendered_numbers_headings_bold_and_bullets()
    {
        var paragraphs = PlanDocumentReader.Read(BuildDocx(), "ke-hoach.docx");
        Assert.True(paragraphs.IsSuccess, paragraphs.Error?.Message);
        var list = paragraphs.Value!;
        Assert.Contains(list, p => p.Text == "KẾ HOẠCH" && p.Bold);
        Assert.Contains(list, p => p.Text == "III. NHIỆM VỤ, GIẢI PHÁP" && p.HeadingLevel == 1);
        Assert.Contains(list, p => p.Text == "1. Củng cố lực lượng" && p.Bold);
        Assert.Contains(list, p => p.Text.StartsWith("1.2. Huấn luyện", StringComparison.Ordinal));
        Assert.Contains(list, p => p.Text == "2.1. Dự trữ vật tư phòng thủ dân sự.");
        Assert.Contains(list, p => p.ListItem && p.Text.StartsWith("Cơ quan chủ trì", StringComparison.Ordinal));
        Assert.Contains(list, p => p.Text == "T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    }

    [Fact]
    public void A_numbered_docx_parses_like_a_typed_plan()
    {
        var plan = PlanDocumentParser.Parse(PlanDocumentReader.Read(BuildDocx(), "ke-hoach.docx").Value!);
        Assert.True(plan.IsSuccess, plan.Error?.Message);
        var p = plan.Value!;
        Assert.Equal("34-KH/UBND", p.NumberSymbol);
        Assert.Equal(new DateOnly(2025, 9, 1), p.IssuedOn);
        Assert.Equal(["1.1", "1.2", "2.1"], p.Groups.SelectMany(g => g.Tasks).Select(t => t.Number));
        Assert.Equal(["Bộ Chỉ huy Quân sự tỉnh"], p.Task("1.1").Lead);
        Assert.Equal(["Công an tỉnh", "các sở, ban, ngành"], p.Task("1.1").Implementing);
        Assert.Equal(TimingKind.Year, p.Task("1.2").Timing.Kind);
        Assert.Equal("Trần Văn Demo", p.Signer);
    }

    private static byte[] BuildDocx()
    {
        var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleRunProperties(new Bold())) { StyleId = "Heading1", Type = StyleValues.Paragraph });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(
                    Level(0, NumberFormatValues.Decimal, "%1."),
                    Level(1, NumberFormatValues.Decimal, "%1.%2."))
                { AbstractNumberId = 1 },
                new AbstractNum(Level(0, NumberFormatValues.Bullet, "-")) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
            main.Document = new Document(new Body(
                Plain("ỦY BAN NHÂN DÂN TỈNH DEMO"),
                Plain("Số: 34-KH/UBND"),
                Plain("Demo, ngày 01 tháng 9 năm 2025"),
                Bold("KẾ HOẠCH"),
                Bold("Tăng cường năng lực phòng thủ dân sự"),
                Heading("III. NHIỆM VỤ, GIẢI PHÁP"),
                Numbered(0, Bold("Củng cố lực lượng")),
                Numbered(1, Plain("Kiện toàn đội xung kích ở cơ sở.")),
                Bullet(Field("Cơ quan chủ trì: ", "Bộ Chỉ huy Quân sự tỉnh")),
                Bullet(Field("Cơ quan thực hiện: ", "Công an tỉnh; các sở, ban, ngành.")),
                Numbered(1, Plain("Huấn luyện lực lượng chuyên trách.")),
                Bullet(Field("Thời gian thực hiện: ", "Năm 2026")),
                Numbered(0, Bold("Bảo đảm hậu cần")),
                Numbered(1, Plain("Dự trữ vật tư phòng thủ dân sự.")),
                Bullet(Field("Cơ quan chủ trì: ", "Sở Tài chính")),
                new Paragraph(new Run(new RunProperties(new Bold()), new Text("T/M ỦY BAN NHÂN DÂN"), new Break(), new Text("CHỦ TỊCH"))),
                Plain("Trần Văn Demo")));
        }

        return ms.ToArray();
    }

    private static Level Level(int index, NumberFormatValues format, string text) =>
        new(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };

    private static Paragraph Plain(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Bold(string text) => new(new Run(new RunProperties(new Bold()), new Text(text)));

    private static Paragraph Heading(string text) => new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Text(text)));

    private static Paragraph Field(string label, string value) => new(
        new Run(new RunProperties(new Italic()), new Text(label) { Space = SpaceProcessingModeValues.Preserve }),
        new Run(new Text(value)));

    private static Paragraph Numbered(int level, Paragraph p) => WithNumbering(p, 1, level);

    private static Paragraph Bullet(Paragraph p) => WithNumbering(p, 2, 0);

    private static Paragraph WithNumbering(Paragraph p, int numId, int level)
    {
        p.PrependChild(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })));
        return p;
    }
}
