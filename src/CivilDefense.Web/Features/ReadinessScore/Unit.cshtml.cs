using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>One commune's readiness: the four components with their gaps, what it has, the trend.</summary>
public sealed class UnitModel(GetUnitScorecard get, RecordSnapshots record, SetHazardProfiles profiles, UiText text) : PageModel
{
    /// <summary>Whether the user may set the unit's hazard profiles (the province's commanders and administrators).</summary>
    public bool CanSetProfiles { get; private set; }

    public IReadOnlyList<HazardProfileInput> Profiles { get; private set; } = [];

    public string? Error { get; private set; }
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
        if (Scorecard is null)
        {
            return NotFound();
        }

        Profiles = await profiles.ListAsync(id, ct);
        CanSetProfiles = AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.ReadinessNorms);
        return Page();
    }

    /// <summary>Sets the hazard profiles from the form: a box per profile, with its exposed residents and basis.</summary>
    public async Task<IActionResult> OnPostProfilesAsync(int id, List<HazardProfile> selected, Dictionary<HazardProfile, int?> exposed, Dictionary<HazardProfile, string?> basis, CancellationToken ct)
    {
        var input = selected.Distinct().Select(p => new HazardProfileInput(p, exposed.GetValueOrDefault(p), basis.GetValueOrDefault(p))).ToList();
        var result = await profiles.HandleAsync(id, input, ct);
        if (!result.IsSuccess)
        {
            var page = await OnGetAsync(id, ct);
            Error = Organizations.ErrorText.Of(result.Error!, text);
            Response.StatusCode = Organizations.ErrorText.StatusOf(result.Error!);
            return page;
        }

        return RedirectToPage(new { id });
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
