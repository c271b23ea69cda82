using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>One observation as a client sends it: station code, ISO time with offset, variable name, value.</summary>
public sealed record ObservationInput(string? Station, string? Time, string? Variable, double? Value);

/// <summary>What became of one item: Accepted (new), Corrected (replaced a different value), Duplicate, Rejected.</summary>
public sealed record ItemOutcome(int Index, string? Station, string? Time, string? Variable, string Outcome, string? Reason = null, string? Field = null);

public sealed record IngestReport(int Accepted, int Corrected, int Duplicates, int Rejected, IReadOnlyList<ItemOutcome> Items, IReadOnlyList<DraftWarningView> RaisedWarnings);

/// <summary>
/// Takes a batch of observations: checks each item (the impossible ones are rejected with the
/// reason, the rest stored), writes them set-based and idempotently, records one audit entry, and
/// evaluates the risk level of every station the batch touched, raising draft warnings, all in one
/// transaction so a raised level is visible the moment the request returns.
/// </summary>
public sealed class IngestObservations(PtdsDbContext db)
{
    public const int MaxItems = 100_000;

    /// <param name="source">How the batch came ("api", "csv:file.csv"); stored on each row.</param>
    /// <param name="allOrNothing">A CSV backfill stores nothing when any item is rejected.</param>
    public async Task<Result<IngestReport>> HandleAsync(IReadOnlyList<ObservationInput> items, string source, bool allOrNothing, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return ValidationError.ForField("observations", "The batch is empty.");
        }

        if (items.Count > MaxItems)
        {
            return ValidationError.ForField("observations", $"A batch may hold at most {MaxItems:N0} observations; split it.");
        }

        var stations = await IngestAccess.StationsAsync(db, items.Select(i => i.Station).OfType<string>().Distinct().ToList(), ct);
        if (IngestAccess.Deny(db.Actor, stations.Values, await IngestAccess.BoundStationsAsync(db, db.Actor, ct)) is { } denied)
        {
            return denied;
        }

        var now = db.Clock.GetUtcNow().UtcDateTime;
        var (outcomes, rows) = Check(items, stations, now, source);
        if (allOrNothing && outcomes.Any(o => o.Outcome == "Rejected"))
        {
            return new IngestReport(0, 0, 0, outcomes.Count(o => o.Outcome == "Rejected"), outcomes, []);
        }

        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var (fresh, corrected) = await ClassifyAsync(rows, outcomes, ct);
            await ObservationWriter.InsertFreshAsync(db, fresh, ct);
            await ObservationWriter.UpsertAsync(db, corrected.Select(c => c.Row).ToList(), ct);
            var report = new IngestReport(fresh.Count, corrected.Count, outcomes.Count(o => o.Outcome == "Duplicate"), outcomes.Count(o => o.Outcome == "Rejected"), outcomes, []);
            await AuditBatchAsync(source, report, rows.Select(r => r.Row).ToList(), stations, now, ct);
            var touched = fresh.Concat(corrected.Select(c => c.Row)).Select(r => r.StationId).Distinct().ToList();
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

    private sealed record Checked(int Index, Observation Row);

    private static (List<ItemOutcome> Outcomes, List<Checked> Rows) Check(IReadOnlyList<ObservationInput> items, Dictionary<string, Station> stations, DateTime now, string source)
    {
        var outcomes = new List<ItemOutcome>(items.Count);
        var rows = new List<Checked>(items.Count);
        var variables = stations.Values.ToDictionary(s => s.Id, s => s.VariableList());
        var lastOfKey = new Dictionary<(int, DateTime, StationVariable), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string? reason = null;
            var field = "station";
            Station? station = null;
            var variable = default(StationVariable);
            var at = default(DateTime);
            if (string.IsNullOrWhiteSpace(item.Station) || !stations.TryGetValue(item.Station, out station))
            {
                reason = string.IsNullOrWhiteSpace(item.Station) ? "station is missing" : $"unknown station {item.Station}";
            }
            else if (!ObservationRules.TryParseTime(item.Time, out at, out reason))
            {
                field = "time";
            }
            else if (!Enum.TryParse(item.Variable, ignoreCase: true, out variable) || !Enum.IsDefined(variable) || int.TryParse(item.Variable, out _))
            {
                (field, reason) = ("variable", $"unknown variable '{item.Variable}' (WaterLevel, Rainfall, Salinity, Wind)");
            }
            else if (item.Value is not { } value)
            {
                (field, reason) = ("value", "value is missing");
            }
            else
            {
                reason = ObservationRules.Check(station, variables[station.Id], variable, value, at, now);
                field = reason is null ? field : reason.StartsWith("time", StringComparison.Ordinal) ? "time" : reason.StartsWith("station", StringComparison.Ordinal) ? "variable" : "value";
            }

            if (reason is not null)
            {
                outcomes.Add(new(i, item.Station, item.Time, item.Variable, "Rejected", reason, field));
                continue;
            }

            // The same key twice in one batch: the later item wins, the earlier is reported as a duplicate.
            var key = (station!.Id, at, variable);
            if (lastOfKey.TryGetValue(key, out var earlier))
            {
                outcomes[rows[earlier].Index] = outcomes[rows[earlier].Index] with { Outcome = "Duplicate", Reason = "repeated later in this batch" };
                rows[earlier] = rows[earlier] with { Index = -1 };
            }

            lastOfKey[key] = rows.Count;
            outcomes.Add(new(i, item.Station, item.Time, item.Variable, "Accepted"));
            rows.Add(new(i, new Observation { StationId = station.Id, ObservedAt = at, Variable = variable, Value = item.Value!.Value, ReceivedAt = now, Source = source }));
        }

        rows.RemoveAll(r => r.Index < 0);
        return (outcomes, rows);
    }

    /// <summary>
    /// Splits the checked rows into new ones, corrections (a stored row with another value) and
    /// duplicates (the same value stored), by reading the stored values of the batch's keys once.
    /// </summary>
    private async Task<(List<Observation> Fresh, List<(int Index, Observation Row)> Corrected)> ClassifyAsync(List<Checked> rows, List<ItemOutcome> outcomes, CancellationToken ct)
    {
        var fresh = new List<Observation>(rows.Count);
        var corrected = new List<(int, Observation)>();
        if (rows.Count == 0)
        {
            return (fresh, corrected);
        }

        // One read for the whole batch: its stations over its time span (a batch is a station's
        // recent readings, or a backfill block; either way a narrow range of the primary key).
        var stationIds = rows.Select(r => r.Row.StationId).Distinct().ToList();
        var from = rows.Min(r => r.Row.ObservedAt);
        var to = rows.Max(r => r.Row.ObservedAt);
        var existing = await db.Observations.IgnoreQueryFilters().AsNoTracking()
            .Where(o => stationIds.Contains(o.StationId) && o.ObservedAt >= from && o.ObservedAt <= to)
            .Select(o => new { o.StationId, o.ObservedAt, o.Variable, o.Value })
            .ToListAsync(ct);
        var stored = existing.ToDictionary(e => (e.StationId, e.ObservedAt, e.Variable), e => e.Value);
        foreach (var (index, row) in rows)
        {
            if (!stored.TryGetValue((row.StationId, row.ObservedAt, row.Variable), out var value))
            {
                fresh.Add(row);
            }
            else if (value.Equals(row.Value))
            {
                outcomes[index] = outcomes[index] with { Outcome = "Duplicate", Reason = "already stored with the same value" };
            }
            else
            {
                outcomes[index] = outcomes[index] with { Outcome = "Corrected", Reason = $"replaced the stored value {value}" };
                corrected.Add((index, row));
            }
        }

        return (fresh, corrected);
    }

    /// <summary>
    /// One audit entry per batch, not per row: a backfill writes millions of rows, and an entry each
    /// would double the write and bury every other change in the trail. The entry names the source,
    /// the counts, the stations and the time span, which is what a reviewer needs to trace a value;
    /// each row also keeps its own source and arrival time.
    /// </summary>
    private async Task AuditBatchAsync(string source, IngestReport report, List<Observation> rows, Dictionary<string, Station> stations, DateTime now, CancellationToken ct)
    {
        if (report.Accepted + report.Corrected == 0)
        {
            return;
        }

        var ids = rows.Select(r => r.StationId).ToHashSet();
        var touched = stations.Values.Where(s => ids.Contains(s.Id)).ToList();
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
            From = rows.Min(r => r.ObservedAt),
            To = rows.Max(r => r.ObservedAt),
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
