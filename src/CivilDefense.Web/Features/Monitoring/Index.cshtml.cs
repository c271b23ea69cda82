using System.Text.Json;
using CivilDefense.Core.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>The stations in the user's scope: filter, CSV export, and a map coloured by current level.</summary>
public sealed class IndexModel(ListStations list) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<StationView> Stations { get; private set; } = [];

    /// <summary>The markers for the map script: position, name, level, link.</summary>
    public string MapJson => JsonSerializer.Serialize(Stations.Select(s => new { s.Id, s.Name, s.Latitude, s.Longitude, s.CurrentLevel, s.UnitName }));

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken ct)
    {
        Stations = await list.HandleAsync(Search, null, ct);
        return format == "csv" ? StationCsv.File(Stations) : Page();
    }
}
