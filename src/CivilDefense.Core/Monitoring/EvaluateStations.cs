using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>
/// Evaluates the risk level of stations at their latest observation and raises draft warnings
/// through the hysteresis. Called by the ingest right after its write, in its transaction: a few
/// indexed reads per batch, so a raised level reaches the operator with the response.
/// </summary>
public sealed class EvaluateStations(PtdsDbContext db)
{
    /// <summary>Readings older than this before the latest one do not affect any rule (the longest window is 24 h).</summary>
    private static readonly TimeSpan Lookback = TimeSpan.FromHours(24);

    public async Task<IReadOnlyList<DraftWarningView>> HandleAsync(IReadOnlyList<int> stationIds, CancellationToken ct)
    {
        if (stationIds.Count == 0)
        {
            return [];
        }

        var stations = await db.Stations.IgnoreQueryFilters().AsNoTracking().Include(s => s.Unit)
            .Where(s => stationIds.Contains(s.Id)).ToListAsync(ct);
        // A correlated max per station: the server reads one key from the end of the station's range
        // of the primary key, where a GROUP BY would scan every row the station ever stored.
        var latest = (await db.Stations.IgnoreQueryFilters()
                .Where(s => stationIds.Contains(s.Id))
                .Select(s => new { StationId = s.Id, At = db.Observations.IgnoreQueryFilters().Where(o => o.StationId == s.Id).Max(o => (DateTime?)o.ObservedAt) })
                .ToListAsync(ct))
            .Where(x => x.At is not null)
            .ToDictionary(x => x.StationId, x => x.At!.Value);
        var states = await db.StationWarningStates.IgnoreQueryFilters().AsNoTracking()
            .Where(s => stationIds.Contains(s.StationId)).ToDictionaryAsync(s => s.StationId, ct);
        var newStates = new List<StationWarningState>(stations.Count);
        var alarms = await db.StationAlarmLevels.IgnoreQueryFilters().AsNoTracking()
            .Where(a => stationIds.Contains(a.StationId)).ToListAsync(ct);
        var allRules = await db.RiskRules.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);

        // One read of every touched station's last day (from the earliest of their latest times).
        var since = latest.Count == 0 ? DateTime.MaxValue : latest.Values.Min() - Lookback;
        var recent = (await db.Observations.IgnoreQueryFilters().AsNoTracking()
                .Where(o => stationIds.Contains(o.StationId) && o.ObservedAt > since)
                .Select(o => new { o.StationId, Reading = new Reading(o.ObservedAt, o.Variable, o.Value) })
                .ToListAsync(ct))
            .ToLookup(x => x.StationId, x => x.Reading);
        var raised = new List<DraftWarning>();
        foreach (var station in stations)
        {
            if (!latest.TryGetValue(station.Id, out var at))
            {
                continue;
            }

            var day = DateOnly.FromDateTime(at);
            var readings = recent[station.Id].Where(r => r.At > at - Lookback && r.At <= at).ToList();
            var levels = alarms.Where(a => a.StationId == station.Id && a.IsValidOn(day)).OrderByDescending(a => a.ValidFrom).FirstOrDefault()?.ToLevels() ?? AlarmLevels.None;
            var rules = RulesFor(allRules, station.Unit.Path, day);
            var assessment = RiskEngine.Evaluate(new StationFacts(station.Name, station.Zone, levels), readings, rules, at);

            var state = states.GetValueOrDefault(station.Id);
            var decision = WarningHysteresis.Decide(
                state is null ? default : new HysteresisState(state.ArmedLevel, state.BelowSince, state.LastEvaluatedAt),
                assessment.Level, at, WarningHysteresis.DefaultRelease);
            newStates.Add(new StationWarningState
            {
                StationId = station.Id,
                ArmedLevel = decision.State.ArmedLevel,
                BelowSince = decision.State.BelowSince,
                LastEvaluatedAt = decision.State.LastEvaluatedAt ?? at,
                LastLevel = assessment.Level ?? state?.LastLevel ?? 0,
            });
            if (decision.RaiseLevel is { } level)
            {
                var draft = new DraftWarning
                {
                    StationId = station.Id,
                    UnitId = station.UnitId,
                    Hazard = assessment.Hazard ?? Hazard.Flood,
                    Level = level,
                    PreviousLevel = decision.PreviousLevel,
                    ExplanationVi = assessment.ExplanationVi,
                    ExplanationEn = assessment.ExplanationEn,
                    ObservedAt = at,
                    RaisedAt = db.Clock.GetUtcNow().UtcDateTime,
                    AutoIssue = assessment.AutoIssue,
                    Status = assessment.AutoIssue ? WarningStatus.Ready : WarningStatus.Draft,
                };
                // The write guard files each draft under its unit's path: the unit read above, tracked
                // as it is (unchanged, never written), spares it a query per draft.
                if (db.Units.Local.All(u => u.Id != station.UnitId))
                {
                    db.Units.Attach(station.Unit);
                }

                db.DraftWarnings.Add(draft);
                raised.Add(draft);
            }
        }

        await WarningStateWriter.UpsertAsync(db, newStates, ct);
        await db.SaveChangesAsync(ct);
        var names = stations.ToDictionary(s => s.Id);
        return raised.Select(d => DraftWarningView.Of(d, names[d.StationId].Name, names[d.StationId].Code, names[d.StationId].Unit.Name)).ToList();
    }

    /// <summary>
    /// The rules in force for a station: those set by the deepest owner above it win per hazard, so
    /// a province's table replaces the national default rather than adding to it.
    /// </summary>
    public static List<RiskRule> RulesFor(IReadOnlyList<RiskRule> all, string stationUnitPath, DateOnly day)
    {
        var applicable = all.Where(r => stationUnitPath.StartsWith(r.UnitPath, StringComparison.Ordinal) && r.IsValidOn(day)).ToList();
        return applicable.GroupBy(r => r.Hazard)
            .SelectMany(g => g.Where(r => r.UnitPath.Length == g.Max(x => x.UnitPath.Length)))
            .ToList();
    }
}
