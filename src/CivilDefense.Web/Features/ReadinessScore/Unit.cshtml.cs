using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>One commune's readiness: the four components with their gaps, what it has, the trend.</summary>
public sealed class UnitModel(GetUnitScorecard get, RecordSnapshots record) : PageModel
{
    public UnitScorecard? Scorecard { get; private set; }

    public bool CanRecord { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (result.Error is ValidationError)
        {
            // A province or the country has no scorecard of its own: its overview rolls its communes up.
            return Redirect($"/readiness?unitId={id}");
        }

        Scorecard = result.Value;
        CanRecord = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.Readiness);
        return Scorecard is null ? NotFound() : Page();
    }

    /// <summary>Records today's score as a point of the trend.</summary>
    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken ct)
    {
        var recorded = await record.HandleAsync(id, "manual", ct);
        if (recorded.Error is NotFoundError)
        {
            return NotFound();
        }

        return RedirectToPage(new { id });
    }
}
