using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CivilDefense.Core.Geography.Import;

/// <summary>
/// A CSV file read as a header and rows of named fields, with the physical line of each row, so
/// every parser reports "line N, field F" the same way and collects all errors in one pass.
/// </summary>
internal sealed class CsvTable
{
    private CsvTable(IReadOnlyList<string> header, IReadOnlyList<CsvTableRow> rows)
    {
        Header = header;
        Rows = rows;
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvTableRow> Rows { get; }

    /// <summary>Reads the whole table; malformed lines become errors, and the rows that did parse are kept for further checks.</summary>
    public static CsvTable? Read(TextReader reader, IReadOnlyList<string> requiredColumns, List<ImportError> errors)
    {
        var badLines = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args =>
            {
                var line = args.Context.Parser?.RawRow ?? 0;
                if (badLines.Add(line))
                {
                    errors.Add(new ImportError(line, "csv", $"malformed CSV near '{Shorten(args.RawRecord)}'"));
                }
            },
        };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
        {
            errors.Add(new ImportError(1, "header", "the file is empty"));
            return null;
        }

        var header = parser.Record!.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = requiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, "header", $"missing column(s): {string.Join(", ", missing)}"));
            return null;
        }

        var rows = new List<CsvTableRow>();
        var endLine = 1;
        while (ReadSafely(parser, errors, ref endLine))
        {
            // RawRow is the line the record ends on; a record spanning lines starts after the previous one.
            var line = endLine;
            endLine = parser.RawRow;
            var record = parser.Record!;
            if (record.Length == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Length != header.Count)
            {
                if (!badLines.Contains(parser.RawRow))
                {
                    errors.Add(new ImportError(line + 1, "csv", $"expected {header.Count} fields, found {record.Length}"));
                }

                continue;
            }

            rows.Add(new CsvTableRow(line + 1, header.Zip(record).ToDictionary(p => p.First, p => p.Second.Length == 0 ? null : p.Second)));
        }

        return new CsvTable(header, rows);
    }

    private static bool ReadSafely(CsvParser parser, List<ImportError> errors, ref int endLine)
    {
        try
        {
            return parser.Read();
        }
        catch (CsvHelperException ex)
        {
            errors.Add(new ImportError(endLine + 1, "csv", "malformed CSV: " + ex.Message.Split('\n')[0]));
            return false;
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text.Trim() : text[..40].Trim() + "…";
}

/// <summary>One data row: its physical line and its fields by lower-case column name (empty is null).</summary>
internal sealed record CsvTableRow(int Line, IReadOnlyDictionary<string, string?> Fields)
{
    public string? this[string column] => Fields.TryGetValue(column, out var v) ? v : null;

    public string? Required(string column, List<ImportError> errors)
    {
        var value = this[column];
        if (value is null)
        {
            errors.Add(new ImportError(Line, column, "required"));
        }

        return value;
    }

    public int? Integer(string column, List<ImportError> errors, bool nonNegative = true)
    {
        var text = this[column];
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new ImportError(Line, column, $"'{text}' is not a whole number"));
            return null;
        }

        if (nonNegative && value < 0)
        {
            errors.Add(new ImportError(Line, column, $"{value} is negative"));
            return null;
        }

        return value;
    }

    public double? Number(string column, List<ImportError> errors, bool nonNegative = true)
    {
        var text = this[column];
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            errors.Add(new ImportError(Line, column, $"'{text}' is not a number"));
            return null;
        }

        if (nonNegative && value < 0)
        {
            errors.Add(new ImportError(Line, column, $"{value.ToString(CultureInfo.InvariantCulture)} is negative"));
            return null;
        }

        return value;
    }

    public DateOnly? Date(string column, List<ImportError> errors)
    {
        var text = this[column];
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            errors.Add(new ImportError(Line, column, $"'{text}' is not a date (yyyy-MM-dd)"));
            return null;
        }

        return value;
    }
}
