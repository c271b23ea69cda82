using System.Globalization;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>The station list as CSV: the columns of the shared station file, plus zone and current level.</summary>
public static class StationCsv
{
    public sealed record Row(string Code, string Name, string? River, string UnitCode, string Unit, double Lat, double Lon, string? CoordinateQuality, int? Zone,
        string? Bd1, string? Bd2, string? Bd3, string? AlarmSource, int? CurrentLevel);

    public static FileContentResult File(IEnumerable<StationView> stations) =>
        CsvExport.File(stations.Select(s => new Row(s.Code, s.Name, s.River, s.UnitCode, s.UnitName, s.Latitude, s.Longitude, s.CoordinateQuality, s.Zone,
            M(s.AlarmLevels?.Bd1), M(s.AlarmLevels?.Bd2), M(s.AlarmLevels?.Bd3), s.AlarmLevels?.Source, s.CurrentLevel)), "stations.csv");

    private static string? M(double? metres) => metres?.ToString("0.00", CultureInfo.InvariantCulture);
}
