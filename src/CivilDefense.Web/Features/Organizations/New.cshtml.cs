using CivilDefense.Core.Access;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Organizations;

/// <summary>Adds an organisation to the unit given in the query.</summary>
public sealed class NewModel(GetUnit getUnit, CreateOrganization create, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int UnitId { get; set; }

    [BindProperty]
    public OrganizationForm Input { get; set; } = new();

    public UnitDetails? Unit { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var result = await create.HandleAsync(new CreateOrganization.Input(
            UnitId, Input.Kind, Input.Name, Input.ShortName, null, Input.Address, Input.Phone, Input.Email), ct);
        if (!result.IsSuccess)
        {
            Error = ErrorText.Of(result.Error!, text);
            Response.StatusCode = ErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text["Saved."];
        return Redirect($"/organizations/{result.Value!.Id}");
    }

    /// <summary>Not found for a unit out of scope; forbidden for roles that cannot create organisations there.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var unit = await getUnit.HandleAsync(UnitId, ct);
        Unit = unit.Value;
        if (Unit is null)
        {
            return NotFound();
        }

        // The unit is visible, so it lies in the actor's scope; what remains is the role. A liaison writes
        // only its own organisation, so it never creates one (the write guard agrees).
        var actor = PtdsClaims.ToActor(User);
        return AccessPolicy.CanWriteAny(actor, Resource.Organizations) && actor.Role != Role.AgencyLiaison ? null : Forbid();
    }
}
