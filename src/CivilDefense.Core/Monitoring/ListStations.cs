using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Monitoring;

/// <summary>Stations in the actor's scope, filtered by name/code/river text and unit, with current levels.</summary>
public sealed class ListStations(PtdsDbContext db)
{
    public async Task<IReadOnlyList<StationView>> HandleAsync(string? search, int? unitId, CancellationToken ct)
    {
        var query = db.Stations.AsNoTracking().Include(s => s.Unit).Include(s => s.AlarmLevels).AsQueryable();
        if (unitId is { } id)
        {
            var path = await db.Units.Where(u => u.Id == id).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            query = query.Where(s => s.Unit.Path.StartsWith(path));
        }

        var stations = await query.OrderBy(s => s.Name).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            stations = stations.Where(s => s.Name.Contains(term, StringComparison.OrdinalIgnoreCase) || s.Code.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (s.River ?? "").Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var ids = stations.Select(s => s.Id).ToList();
        var states = await db.StationWarningStates.AsNoTracking().Where(s => ids.Contains(s.StationId)).ToDictionaryAsync(s => s.StationId, ct);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        return stations.Select(s => StationViews.Of(s, states.GetValueOrDefault(s.Id), today)).ToList();
    }
}

public sealed class GetStation(PtdsDbContext db)
{
    public async Task<Result<StationView>> HandleAsync(int id, CancellationToken ct)
    {
        var station = await db.Stations.AsNoTracking().Include(s => s.Unit).Include(s => s.AlarmLevels).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (station is null)
        {
            return new NotFoundError("No such station.");
        }

        var state = await db.StationWarningStates.AsNoTracking().SingleOrDefaultAsync(s => s.StationId == id, ct);
        return StationViews.Of(station, state, DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime));
    }
}

/// <summary>A station's observations of one variable between two times, for the chart and CSV.</summary>
public sealed class GetStationSeries(PtdsDbContext db)
{
    public const int MaxPoints = 20_000;

    public async Task<Result<StationSeries>> HandleAsync(int id, StationVariable variable, DateTime? from, DateTime? to, CancellationToken ct)
    {
        var station = await new GetStation(db).HandleAsync(id, ct);
        if (!station.IsSuccess)
        {
            return station.Error!;
        }

        var end = to ?? await db.Observations.Where(o => o.StationId == id && o.Variable == variable).MaxAsync(o => (DateTime?)o.ObservedAt, ct) ?? db.Clock.GetUtcNow().UtcDateTime;
        var start = from ?? end.AddDays(-7);
        var points = await db.Observations.AsNoTracking()
            .Where(o => o.StationId == id && o.Variable == variable && o.ObservedAt >= start && o.ObservedAt <= end)
            .OrderByDescending(o => o.ObservedAt).Take(MaxPoints)
            .Select(o => new SeriesPoint(o.ObservedAt, o.Value)).ToListAsync(ct);
        points.Reverse();
        return new StationSeries(id, variable, points, station.Value!.AlarmLevels);
    }
}

internal static class StationViews
{
    public static StationView Of(Station s, StationWarningState? state, DateOnly day)
    {
        var levels = s.AlarmLevels.Where(a => a.IsValidOn(day)).OrderByDescending(a => a.ValidFrom).FirstOrDefault();
        return new(s.Id, s.Code, s.Name, s.River, s.Zone, s.Latitude, s.Longitude, s.CoordinateQuality, s.UnitId, s.Unit.Code, s.Unit.Name, s.Operator,
            s.VariableList(), s.WaterLevelMin, s.WaterLevelMax,
            levels is null ? null : new AlarmLevelsView(levels.Id, levels.Bd1, levels.Bd2, levels.Bd3, levels.ValidFrom, levels.ValidTo, levels.Source),
            state?.LastLevel, state?.LastEvaluatedAt, s.IngestTokenId is not null, s.Source, s.Version);
    }
}
