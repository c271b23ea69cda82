using CivilDefense.Core.Data;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Demo;

/// <summary>
/// The shipped station list (data/monitoring, see its README) and the stated rows of the risk-level
/// tables for the demo province. Runs once: a database that has stations is left alone.
/// </summary>
public static class DemoMonitoring
{
    public const string StationsFile = "monitoring/stations_mekong.csv";

    /// <returns>The number of stations seeded (0 when there were already some).</returns>
    public static async Task<int> SeedAsync(PtdsDbContext db, string dataDirectory, AdministrativeUnit province, CancellationToken ct)
    {
        if (await db.Stations.IgnoreQueryFilters().AnyAsync(ct))
        {
            return 0;
        }

        var path = Path.Combine(dataDirectory, StationsFile);
        await using var stream = File.OpenRead(path);
        var parsed = StationsCsvParser.Parse(stream);
        if (!parsed.IsSuccess)
        {
            throw new InvalidDataException($"{StationsFile}: " + string.Join("; ", parsed.Errors.Take(10)));
        }

        var codes = parsed.Rows.Select(r => r.WardCode).ToList();
        var units = await db.Units.IgnoreQueryFilters()
            .Where(u => codes.Contains(u.Code) && u.ValidTo == null)
            .ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var seeded = 0;
        foreach (var row in parsed.Rows)
        {
            // Every station of the list lies in a post-2025 unit of the country; one that does not is not guessed at.
            if (!units.TryGetValue(row.WardCode, out var unitId))
            {
                continue;
            }

            var station = new Station
            {
                Code = StationsCsvParser.CodeOf(row.Name),
                Name = row.Name,
                River = row.River,
                Latitude = row.Lat,
                Longitude = row.Lon,
                CoordinateQuality = row.CoordinateQuality,
                UnitId = unitId,
                Variables = nameof(StationVariable.WaterLevel),
                Source = row.CoordinateSource,
            };
            station.AlarmLevels.Add(new StationAlarmLevels { Bd1 = row.Bd1, Bd2 = row.Bd2, Bd3 = row.Bd3, Source = row.AlarmSource ?? "NOT VERIFIED" });
            db.Stations.Add(station);
            seeded++;
        }

        if (!await db.RiskRules.IgnoreQueryFilters().AnyAsync(r => r.UnitId == province.Id, ct))
        {
            db.RiskRules.AddRange(DefaultRiskRules.For(province.Id));
        }

        await db.SaveChangesAsync(ct);
        return seeded;
    }
}
