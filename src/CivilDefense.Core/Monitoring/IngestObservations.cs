using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>One observation as a client sends it: station code, ISO time with offset, variable name, value.</summary>
public sealed record ObservationInput(string? Station, string? Time, string? Variable, double? Value);

/// <summary>
/// What became of a batch: how many items it held, how many were stored new, corrected a stored
/// value, were already stored (or repeated later in the batch) or were rejected, and the rejected
/// ones with their position and reason. Only the rejections are listed: a gateway posting 80,000
/// readings wants to know which ones to fix, not 80,000 receipts.
/// </summary>
public sealed record IngestReport(int Received, int Accepted, int Corrected, int Duplicates, int Rejected, IReadOnlyList<ObservationRejection> Rejections, IReadOnlyList<DraftWarningView> RaisedWarnings);

/// <summary>
/// Takes a batch of observations: checks each item (the impossible ones are rejected with the
/// reason, the rest stored), writes them set-based and idempotently, records one audit entry, and
/// evaluates the risk level of every station the batch touched, raising draft warnings, all in one
/// transaction so a raised level is visible the moment the request returns. The batch is held as
/// columns (<see cref="ObservationColumns"/>), read straight from the JSON body by
/// <see cref="ObservationJson"/> or built from a CSV file's rows.
/// </summary>
public sealed class IngestObservations(PtdsDbContext db)
{
    public const int MaxItems = 100_000;

    /// <summary>A request body as the API receives it: refused as a whole only when it is not a batch document.</summary>
    public async Task<Result<IngestReport>> HandleJsonAsync(ReadOnlyMemory<byte> body, string source, CancellationToken ct)
    {
        var batch = ObservationJson.Parse(body.Span, MaxItems);
        return batch.IsSuccess ? await HandleAsync(batch.Value!, source, allOrNothing: false, ct) : batch.Error!;
    }

    public Task<Result<IngestReport>> HandleAsync(IReadOnlyList<ObservationInput> items, string source, bool allOrNothing, CancellationToken ct) =>
        items.Count > MaxItems ? Task.FromResult<Result<IngestReport>>(TooMany()) : HandleAsync(ObservationColumns.From(items), source, allOrNothing, ct);

    /// <param name="source">How the batch came ("api", "csv:file.csv"); stored on each row.</param>
    /// <param name="allOrNothing">A CSV backfill stores nothing when any item is rejected.</param>
    public async Task<Result<IngestReport>> HandleAsync(ObservationColumns batch, string source, bool allOrNothing, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return ValidationError.ForField("observations", "The batch is empty.");
        }

        if (batch.Count > MaxItems)
        {
            return TooMany();
        }

        var stations = await IngestAccess.StationsAsync(db, batch.Codes, ct);
        if (IngestAccess.Deny(db.Actor, stations.Values, await IngestAccess.BoundStationsAsync(db, db.Actor, ct)) is { } denied)
        {
            return denied;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var byCode = batch.Codes.Select(stations.GetValueOrDefault).ToArray();
        var kept = IngestCheck.Check(batch, byCode, now);
        if (allOrNothing && batch.RejectedCount > 0)
        {
            return new IngestReport(batch.Count, 0, 0, 0, batch.RejectedCount, batch.Rejections, []);
        }

        var rows = new ObservationRows(batch, [.. byCode.Select(s => s?.Id ?? 0)], kept, now, source);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (fresh, corrected) = await ClassifyAsync(rows, ct);
            await ObservationWriter.InsertFreshAsync(db, fresh, ct);
            await ObservationWriter.UpsertAsync(db, corrected, ct);
            var report = new IngestReport(batch.Count, fresh.Count, corrected.Count, batch.Count - batch.RejectedCount - fresh.Count - corrected.Count, batch.RejectedCount, batch.Rejections, []);
            await AuditBatchAsync(source, report, rows, byCode, now, ct);
            var touched = fresh.Indices.Concat(corrected.Indices).Select(i => byCode[batch.CodeOf(i)]!.Id).Distinct().ToList();
            var raised = await new EvaluateStations(db).HandleAsync(touched, ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }

            return report with { RaisedWarnings = raised };
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>The earliest and latest time of the rows.</summary>
    private static (DateTime From, DateTime To) PeriodOf(ObservationRows rows)
    {
        var (from, to) = (DateTime.MaxValue, DateTime.MinValue);
        for (var i = 0; i < rows.Count; i++)
        {
            var at = rows.ObservedAt(i);
            (from, to) = (at < from ? at : from, at > to ? at : to);
        }

        return (from, to);
    }

    private static ValidationError TooMany() => ValidationError.ForField("observations", $"A batch may hold at most {MaxItems:N0} observations; split it.");

    /// <summary>
    /// Splits the kept rows into new ones and corrections (a stored row with another value);
    /// those stored with the same value are duplicates and dropped. One read for the whole batch:
    /// its stations over its time span (a batch is a station's recent readings, or a backfill
    /// block; either way a narrow range of the primary key). A backfill finds nothing stored.
    /// </summary>
    private async Task<(ObservationRows Fresh, ObservationRows Corrected)> ClassifyAsync(ObservationRows rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return (rows, rows);
        }

        var stationIds = rows.StationIdOfCode.Where(id => id != 0).Distinct().ToList();
        var (from, to) = PeriodOf(rows);

        var stored = await db.Observations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => stationIds.Contains(o.StationId) && o.ObservedAt >= from && o.ObservedAt <= to)
            .Select(o => new { o.StationId, o.ObservedAt, o.Variable, o.Value })
            .ToListAsync(ct);
        if (stored.Count == 0)
        {
            return (rows, rows.Only([]));
        }

        var position = new Dictionary<(int, DateTime, StationVariable), int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            position[(rows.StationId(i), rows.ObservedAt(i), rows.Variable(i))] = i;
        }

        // 0 new, 1 corrected, 2 stored with the same value.
        var state = new byte[rows.Count];
        foreach (var s in stored)
        {
            if (position.TryGetValue((s.StationId, DateTime.SpecifyKind(s.ObservedAt, DateTimeKind.Utc), s.Variable), out var i))
            {
                state[i] = rows.Value(i).Equals(s.Value) ? (byte)2 : (byte)1;
            }
        }

        var fresh = new List<int>(rows.Count);
        var corrected = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            (state[i] switch { 0 => fresh, 1 => corrected, _ => null })?.Add(rows.Indices[i]);
        }

        return (rows.Only(fresh), rows.Only(corrected));
    }

    /// <summary>
    /// One audit entry per batch, not per row: a backfill writes millions of rows, and an entry each
    /// would double the write and bury every other change in the trail. The entry names the source,
    /// the counts, the stations and the time span, which is what a reviewer needs to trace a value;
    /// each row also keeps its own source and arrival time.
    /// </summary>
    private async Task AuditBatchAsync(string source, IngestReport report, ObservationRows rows, Station?[] byCode, DateTime now, CancellationToken ct)
    {
        if (report.Accepted + report.Corrected == 0)
        {
            return;
        }

        var named = new bool[byCode.Length];
        foreach (var i in rows.Indices)
        {
            named[rows.Batch.CodeOf(i)] = true;
        }

        var touched = byCode.Where((s, code) => named[code]).Select(s => s!).ToList();
        var (from, to) = PeriodOf(rows);
        var unitPath = CommonPath(touched.Select(s => s.Unit.Path).ToList());
        var actor = db.Actor;
        var after = JsonSerializer.Serialize(new
        {
            source,
            report.Accepted,
            report.Corrected,
            report.Duplicates,
            report.Rejected,
            Stations = touched.Select(s => s.Code).Order(StringComparer.Ordinal).ToList(),
            From = from,
            To = to,
        });
        await AuditWriter.InsertAsync(db, [new AuditEntry
        {
            At = now,
            Actor = actor.TokenId is null ? actor.Name : "token:" + actor.Name,
            ActorUserId = actor.UserId,
            Action = "Ingest",
            EntityType = "ObservationBatch",
            EntityId = EntityIdOf(touched),
            UnitId = int.TryParse(unitPath.TrimEnd('/').Split('/').LastOrDefault(), out var unitId) ? unitId : null,
            UnitPath = unitPath,
            After = after,
        }], ct);
    }

    /// <summary>The stations' ids when they fit the audit's entity id, else their count (the entry's After lists every code).</summary>
    private static string EntityIdOf(List<Station> touched)
    {
        var ids = string.Join(",", touched.Select(s => s.Id));
        return ids.Length <= MaxEntityIdLength ? ids : $"{touched.Count} stations";
    }

    private const int MaxEntityIdLength = 40;

    /// <summary>The deepest unit path above all the given ones (the batch's audit entry is filed there).</summary>
    private static string CommonPath(List<string> paths)
    {
        var common = paths[0];
        foreach (var path in paths.Skip(1))
        {
            while (!path.StartsWith(common, StringComparison.Ordinal))
            {
                common = common[..(common.TrimEnd('/').LastIndexOf('/') + 1)];
            }
        }

        return common;
    }
}
