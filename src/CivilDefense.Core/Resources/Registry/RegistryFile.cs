using System.Globalization;
using System.Text;
using CivilDefense.Core.Geography.Import;
using ClosedXML.Excel;
using CsvHelper;

namespace CivilDefense.Core.Resources.Registry;

public enum RegistryFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>A table read from a CSV or XLSX file: lower-case column names and rows with their line (CSV) or row number (XLSX).</summary>
public sealed record RegistryTable(IReadOnlyList<(int Line, IReadOnlyDictionary<string, string?> Fields)> Rows);

/// <summary>Reads and writes registry tables as CSV (UTF-8 with BOM, so Excel shows Vietnamese) or XLSX (first sheet, header in row 1).</summary>
public static class RegistryFile
{
    public static RegistryFileFormat? FormatOf(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => RegistryFileFormat.Csv,
            ".xlsx" => RegistryFileFormat.Xlsx,
            _ => null,
        };

    public static string ContentType(RegistryFileFormat format) =>
        format == RegistryFileFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, RegistryFileFormat format, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        if (format == RegistryFileFormat.Csv)
        {
            using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            foreach (var row in rows.Prepend(header))
            {
                foreach (var value in row)
                {
                    csv.WriteField(value ?? "");
                }

                csv.NextRecord();
            }

            return;
        }

        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("data");
        var r = 1;
        foreach (var row in rows.Prepend(header))
        {
            for (var c = 0; c < row.Count; c++)
            {
                // Text cells throughout: codes such as "00001" must keep their leading zeros.
                sheet.Cell(r, c + 1).SetValue(row[c] ?? "");
                sheet.Cell(r, c + 1).DataType = XLDataType.Text;
            }

            r++;
        }

        book.SaveAs(output);
    }

    /// <summary>Reads a whole table; an unreadable file or a missing column is an error on line 1.</summary>
    public static RegistryTable? Read(Stream input, RegistryFileFormat format, IReadOnlyList<string> required, List<ImportError> errors)
    {
        if (format == RegistryFileFormat.Csv)
        {
            using var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var table = CsvTable.Read(reader, required, errors);
            return table is null ? null : new RegistryTable([.. table.Rows.Select(row => (row.Line, row.Fields))]);
        }

        try
        {
            using var book = new XLWorkbook(input);
            var sheet = book.Worksheets.First();
            var used = sheet.RangeUsed();
            if (used is null)
            {
                errors.Add(new ImportError(1, "header", "the file is empty", "row"));
                return null;
            }

            var columns = used.FirstRow().Cells().Select(c => c.GetString().Trim().ToLowerInvariant()).ToList();
            var missing = required.Where(c => !columns.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new ImportError(1, "header", $"missing column(s): {string.Join(", ", missing)}", "row"));
                return null;
            }

            var rows = used.RowsUsed().Skip(1)
                .Select(row => (row.RowNumber(), (IReadOnlyDictionary<string, string?>)columns
                    .Select((name, i) => (name, value: CellText(row.Cell(i + 1))))
                    .Where(p => p.name.Length > 0)
                    .ToDictionary(p => p.name, p => p.value)))
                .ToList();
            return new RegistryTable(rows);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or FormatException or InvalidOperationException)
        {
            errors.Add(new ImportError(1, "file", "not a readable XLSX workbook", "row"));
            return null;
        }
    }

    /// <summary>A cell as the text a CSV would hold: dates as yyyy-MM-dd, numbers invariantly.</summary>
    private static string? CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return null;
        }

        var text = cell.DataType switch
        {
            XLDataType.DateTime => cell.GetDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            XLDataType.Number => cell.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            XLDataType.Boolean => cell.GetBoolean() ? "true" : "false",
            _ => cell.GetString(),
        };
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }
}
