using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Core.Geography.Import;

namespace CivilDefense.Core.Monitoring;

/// <summary>The outcome of a CSV backfill: the ingest report, or every error with its line and field.</summary>
public sealed record CsvIngestResult(IngestReport? Report, IReadOnlyList<ImportError> Errors)
{
    public bool IsSuccess => Errors.Count == 0;
}

/// <summary>
/// A backfill from CSV (<c>station, time, variable, value</c>): all or nothing. A malformed line or
/// an impossible value anywhere stores nothing, and every error names its line and field.
/// </summary>
public sealed class ImportObservationsCsv(PtdsDbContext db)
{
    private static readonly string[] Required = ["station", "time", "variable", "value"];

    public async Task<Result<CsvIngestResult>> HandleAsync(Stream content, string fileName, CancellationToken ct)
    {
        using var reader = ImportInput.Reader(content);
        var errors = new List<ImportError>();
        var table = CsvTable.Read(reader, Required, errors);
        if (table is null)
        {
            return new CsvIngestResult(null, errors);
        }

        var batch = new ObservationColumns(table.Rows.Count);
        var lines = new List<int>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var value = row.Number("value", errors, nonNegative: false);
            if (value is null && row["value"] is null)
            {
                errors.Add(new ImportError(row.Line, "value", "required"));
            }

            batch.Add(row["station"], row["time"], row["variable"], value);
            lines.Add(row.Line);
        }

        if (batch.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, "file", "the file has no observations"));
        }

        if (errors.Count > 0)
        {
            return new CsvIngestResult(null, errors);
        }

        var result = await new IngestObservations(db).HandleAsync(batch, "csv:" + fileName, allOrNothing: true, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var rejected = result.Value!.Rejections.Select(r => new ImportError(lines[r.Index], r.Field, r.Reason)).ToList();
        return new CsvIngestResult(rejected.Count == 0 ? result.Value : null, rejected);
    }
}
