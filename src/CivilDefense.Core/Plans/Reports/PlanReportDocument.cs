using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CivilDefense.Core.Plans.Reports;

/// <summary>
/// Writes the yearly implementation report as DOCX in the administrative format of Decree
/// 30/2020/NĐ-CP: header table (issuing body left, national motto right), number and symbol, place
/// and date, title, body, recipients and signature, Times New Roman 14 pt on A4 with the decree's
/// margins, then a landscape annex listing every task with its bodies and status.
/// </summary>
public static class PlanReportDocument
{
    public const string Font = "Times New Roman";
    public const string Motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string MottoLine2 = "Độc lập - Tự do - Hạnh phúc";

    // Sizes in half-points; lengths in twentieths of a point (1 mm ≈ 56.7).
    private const int Body = 28;
    private const int Small = 24;
    private const int Header = 26;
    private const uint A4Width = 11906;
    private const uint A4Height = 16838;

    public static byte[] Write(PlanReportData data)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            HeaderTable(body, data);
            Title(body, data);
            Content(body, data);
            Closing(body, data);
            body.Append(new Paragraph(new ParagraphProperties(PortraitSection())));
            Annex(body, data);
            body.Append(LandscapeSection());
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = Body.ToString(CultureInfo.InvariantCulture) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    private static void HeaderTable(Body body, PlanReportData data)
    {
        var left = new List<Paragraph>();
        if (data.ParentBody is { Length: > 0 } parent)
        {
            left.Add(P(parent.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, size: Header));
        }

        left.Add(P(data.IssuingBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, bold: true, underline: true, size: Header));
        left.Add(P(" ", JustificationValues.Center, size: Small));
        left.Add(P($"Số:       /BC-{data.NumberSymbolSuffix}", JustificationValues.Center, size: Header));
        var right = new List<Paragraph>
        {
            P(Motto, JustificationValues.Center, bold: true, size: Small),
            P(MottoLine2, JustificationValues.Center, bold: true, underline: true, size: Body),
            P(" ", JustificationValues.Center, size: Small),
            P($"{data.Place}, ngày      tháng      năm {data.ReportDate.Year}", JustificationValues.Center, italic: true, size: Body),
        };
        body.Append(Table([3500, 5850], [[Cell(3500, left), Cell(5850, right)]], borders: false));
    }

    private static void Title(Body body, PlanReportData data)
    {
        body.Append(P(" ", JustificationValues.Center));
        body.Append(P("BÁO CÁO", JustificationValues.Center, bold: true, spaceBefore: 240));
        body.Append(P($"Kết quả thực hiện {data.PlanReference} năm {data.Year}", JustificationValues.Center, bold: true));
        body.Append(P("-----", JustificationValues.Center, size: Small));
        body.Append(Text($"Thực hiện {data.PlanReference} ({data.PlanTitle}), {data.IssuingBody} báo cáo kết quả thực hiện năm {data.Year} như sau:"));
    }

    private static void Content(Body body, PlanReportData data)
    {
        body.Append(Heading("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ"));
        foreach (var group in data.Groups)
        {
            body.Append(Heading($"{group.Number}. {group.Title}", upper: false));
            foreach (var task in group.Tasks)
            {
                body.Append(Text($"{task.Number}. {task.Text} — {StatusWords.Of(task.Status)}.", italic: true));
                if (task.Accepted.Count == 0)
                {
                    body.Append(Text("Chưa có báo cáo được chấp nhận trong năm."));
                }

                foreach (var entry in task.Accepted)
                {
                    var percent = entry.Percent is { } p ? $", {p}%" : "";
                    var figures = entry.Figures.Count == 0 ? "" : " Số liệu: " + string.Join("; ", entry.Figures.Select(f => $"{f.Key}: {f.Value.ToString("#,##0.##", CultureInfo.GetCultureInfo("vi-VN"))}")) + ".";
                    body.Append(Text($"- {entry.Body} (kỳ {entry.Period}, {StatusWords.Of(entry.Status).ToLower(CultureInfo.GetCultureInfo("vi-VN"))}{percent}): {entry.Narrative.TrimEnd('.')}.{figures}"));
                }
            }
        }

        var a = data.Assessment;
        body.Append(Heading("II. ĐÁNH GIÁ CHUNG"));
        body.Append(Text($"Kế hoạch có {a.Tasks} nhiệm vụ: {a.Completed} nhiệm vụ hoàn thành, {a.InProgress} nhiệm vụ đang thực hiện, {a.Stalled} nhiệm vụ chậm, vướng mắc, {a.NotStarted} nhiệm vụ chưa triển khai."));
        body.Append(Text($"Có {a.AssignmentsReported}/{a.Assignments} lượt cơ quan, đơn vị thực hiện có báo cáo được chấp nhận trong năm {data.Year}; {a.Overdue} lượt nhiệm vụ quá hạn chưa hoàn thành."));
        body.Append(Heading($"III. NHIỆM VỤ TRỌNG TÂM NĂM {data.Year + 1}"));
        body.Append(Text("Tiếp tục triển khai các nhiệm vụ chưa hoàn thành; các cơ quan, đơn vị báo cáo kết quả thực hiện theo định kỳ."));
        body.Append(Text($"Trên đây là báo cáo kết quả thực hiện {data.PlanReference} năm {data.Year} của {data.IssuingBody}./."));
    }

    private static void Closing(Body body, PlanReportData data)
    {
        var recipients = new List<Paragraph> { P("Nơi nhận:", JustificationValues.Left, bold: true, italic: true, size: Small) };
        recipients.AddRange(data.Recipients.Select(r => P("- " + r + ";", JustificationValues.Left, size: 22)));
        recipients.Add(P("- Lưu: VT.", JustificationValues.Left, size: 22));
        // "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN": the authority and the title each on their own line.
        var signature = (data.SignerTitle ?? "TM. " + data.IssuingBody).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => P(line.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), JustificationValues.Center, bold: true))
            .Append(P("(Ký, ghi rõ họ tên và đóng dấu)", JustificationValues.Center, italic: true, size: Small))
            .ToList();
        for (var i = 0; i < 3; i++)
        {
            signature.Add(P(" ", JustificationValues.Center));
        }

        signature.Add(P(data.Signer ?? " ", JustificationValues.Center, bold: true));
        body.Append(P(" ", JustificationValues.Left));
        body.Append(Table([4300, 5050], [[Cell(4300, recipients), Cell(5050, signature)]], borders: false));
    }

    private static void Annex(Body body, PlanReportData data)
    {
        body.Append(P("PHỤ LỤC", JustificationValues.Center, bold: true));
        body.Append(P($"Danh mục nhiệm vụ và tình hình thực hiện {data.PlanReference} năm {data.Year}", JustificationValues.Center, bold: true));
        body.Append(P($"(Kèm theo Báo cáo số      /BC-{data.NumberSymbolSuffix})", JustificationValues.Center, italic: true, size: Small));
        body.Append(P(" ", JustificationValues.Center, size: Small));
        int[] widths = [700, 4700, 1900, 1900, 2500, 1300, 1500];
        string[] heads = ["STT", "Nhiệm vụ", "Cơ quan chỉ đạo", "Cơ quan chủ trì", "Cơ quan thực hiện", "Thời gian", "Tình trạng"];
        var rows = new List<TableCell[]> { heads.Select((h, i) => Cell(widths[i], [P(h, JustificationValues.Center, bold: true, size: 22)])).ToArray() };
        foreach (var group in data.Groups)
        {
            foreach (var task in group.Tasks)
            {
                string[] values = [$"{group.Number}.{task.Number}", task.Text, Join(task.Directing), Join(task.Lead), Join(task.Implementing), task.Timing ?? "", StatusWords.Of(task.Status)];
                rows.Add(values.Select((v, i) => Cell(widths[i], [P(v, i is 0 or 5 or 6 ? JustificationValues.Center : JustificationValues.Left, size: 22)])).ToArray());
            }
        }

        body.Append(Table(widths, rows, borders: true, headerRow: true));
    }

    private static string Join(IReadOnlyList<string> names) => string.Join("; ", names);

    private static Paragraph Heading(string text, bool upper = true) =>
        P(text, JustificationValues.Both, bold: true, spaceBefore: 120, indent: true, size: upper ? Body : Body);

    private static Paragraph Text(string text, bool italic = false) =>
        P(text, JustificationValues.Both, italic: italic, spaceBefore: 120, indent: true);

    private static Paragraph P(string text, JustificationValues align, bool bold = false, bool italic = false, bool underline = false, int size = Body, int spaceBefore = 0, bool indent = false)
    {
        var props = new ParagraphProperties(new Justification { Val = align });
        if (spaceBefore > 0)
        {
            props.Append(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "0" });
        }

        if (indent)
        {
            props.Append(new Indentation { FirstLine = "567" });
        }

        var run = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font });
        if (bold)
        {
            run.Append(new Bold());
        }

        if (italic)
        {
            run.Append(new Italic());
        }

        if (underline)
        {
            run.Append(new Underline { Val = UnderlineValues.Single });
        }

        run.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Paragraph(props, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs) =>
        new([new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), .. paragraphs]);

    private static Table Table(int[] widths, IEnumerable<TableCell[]> rows, bool borders, bool headerRow = false)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (borders)
        {
            properties.Append(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }));
        }

        var table = new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }).ToArray()));
        var first = true;
        foreach (var cells in rows)
        {
            var row = new TableRow(cells);
            if (first && headerRow)
            {
                row.PrependChild(new TableRowProperties(new TableHeader()));
            }

            first = false;
            table.Append(row);
        }

        return table;
    }

    /// <summary>A4 portrait, margins top 20, bottom 20, left 30, right 15 mm (Decree 30/2020, Annex I).</summary>
    private static SectionProperties PortraitSection() => new(
        new PageSize { Width = A4Width, Height = A4Height },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 567, Footer = 567, Gutter = 0 });

    /// <summary>The annex turned to landscape so its seven columns stay readable; same margins along the binding edge.</summary>
    private static SectionProperties LandscapeSection() => new(
        new PageSize { Width = A4Height, Height = A4Width, Orient = PageOrientationValues.Landscape },
        new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 });
}
