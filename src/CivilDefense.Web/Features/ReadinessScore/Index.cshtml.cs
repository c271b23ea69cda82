using System.Text.Json;
using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>
/// The readiness overview of a unit: a map of its communes coloured by score or by shelter
/// coverage, shelters and depots as points, the list of communes not ready and why, reminders.
/// </summary>
public sealed class IndexModel(GetScorecards scorecards, GetShelterCoverage coverage, ListReminders reminders) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? UnitId { get; set; }

    [BindProperty(SupportsGet = true)]
    public double? DistanceKm { get; set; }

    public ScorecardReport? Report { get; private set; }

    public CoverageReport? Coverage { get; private set; }

    public IReadOnlyList<Reminder> Reminders { get; private set; } = [];

    /// <summary>Per commune id: score, status and coverage, for the map's colours.</summary>
    public string MapData { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var unitId = UnitId ?? PtdsClaims.ToActor(User).UnitId;
        if (unitId is null)
        {
            return NotFound();
        }

        var report = await scorecards.HandleAsync(unitId.Value, ct);
        if (report.Value is null)
        {
            return NotFound();
        }

        Report = report.Value;
        Coverage = (await coverage.HandleAsync(unitId.Value, DistanceKm, ct)).Value;
        Reminders = (await reminders.HandleAsync(unitId.Value, ct)).Value ?? [];
        var covered = Coverage?.Units.ToDictionary(c => c.UnitId) ?? [];
        MapData = JsonSerializer.Serialize(Report.Cards.ToDictionary(
            c => c.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            c => new
            {
                overall = c.Overall,
                status = c.Status.ToString(),
                gaps = c.GapCount,
                coverage = covered.TryGetValue(c.UnitId, out var cov) ? cov.CoveredShare : (double?)null,
                isShort = cov?.IsShort ?? false,
            }));
        return Page();
    }
}
