using System.Text.Json;
using CivilDefense.Core.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>One station: its details, alarm levels with their source, the series chart with alarm lines, its warnings.</summary>
public sealed class StationModel(GetStation get, GetStationSeries series, ListWarnings warnings) : PageModel
{
    public StationView Station { get; private set; } = null!;

    public StationVariable Variable { get; private set; }

    public StationSeries Series { get; private set; } = null!;

    public IReadOnlyList<DraftWarningView> Warnings { get; private set; } = [];

    /// <summary>What the chart script draws: the points and the alarm levels as horizontal lines.</summary>
    public string ChartJson => JsonSerializer.Serialize(new
    {
        points = Series.Points.Select(p => new { t = p.At.ToString("O"), v = p.Value }),
        alarms = new[] { ("BĐ1", Series.AlarmLevels?.Bd1), ("BĐ2", Series.AlarmLevels?.Bd2), ("BĐ3", Series.AlarmLevels?.Bd3) }
            .Where(a => a.Item2 is not null && Variable == StationVariable.WaterLevel)
            .Select(a => new { name = a.Item1, value = a.Item2 }),
    });

    public async Task<IActionResult> OnGetAsync(int id, StationVariable? variable, CancellationToken ct)
    {
        var station = await get.HandleAsync(id, ct);
        if (!station.IsSuccess)
        {
            return NotFound();
        }

        Station = station.Value!;
        Variable = variable ?? Station.Variables.FirstOrDefault();
        Series = (await series.HandleAsync(id, Variable, null, null, ct)).Value!;
        Warnings = await warnings.HandleAsync(null, id, ct);
        return Page();
    }
}
