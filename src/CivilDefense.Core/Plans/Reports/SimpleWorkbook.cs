using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CivilDefense.Core.Plans.Reports;

/// <summary>
/// A plain XLSX workbook written with the OpenXML SDK: sheets of text and numbers, a bold frozen
/// header row. (ClosedXML 0.95.4 from the offline mirror fails to load on .NET 10 beside OpenXML 3,
/// so the few features needed are written here.) Text cells are inline strings, never formulas, so a
/// name starting with "=" stays text.
/// </summary>
public sealed class SimpleWorkbook
{
    private readonly List<(string Name, string[] Header, List<object?[]> Rows)> sheets = [];

    public List<object?[]> AddSheet(string name, params string[] header)
    {
        var rows = new List<object?[]>();
        sheets.Add((name, header, rows));
        return rows;
    }

    public byte[] Write()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(), new Font(new Bold())),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { NumberFormatId = 22, ApplyNumberFormat = true }));
            uint id = 1;
            foreach (var (name, header, rows) in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(1, header.Cast<object?>().ToArray(), bold: true));
                var index = 2u;
                foreach (var values in rows)
                {
                    data.Append(Row(index++, values, bold: false));
                }

                part.Worksheet = new Worksheet(
                    new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }),
                    data);
                workbook.Workbook.Sheets!.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(uint index, object?[] values, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Length; i++)
        {
            var reference = Column(i) + index.ToString(CultureInfo.InvariantCulture);
            Cell cell = values[i] switch
            {
                null => new Cell { CellReference = reference },
                int or long or decimal or double => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(values[i], CultureInfo.InvariantCulture)!) },
                DateTime time => new Cell { CellReference = reference, StyleIndex = 2, CellValue = new CellValue(time.ToOADate().ToString(CultureInfo.InvariantCulture)) },
                var other => new Cell(new InlineString(new Text(Clean(other.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString },
            };
            if (bold)
            {
                cell.StyleIndex = 1;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>XML cannot carry most control characters; a name with one still exports.</summary>
    private static string Clean(string text) => new(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray());

    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }

        return name;
    }
}
