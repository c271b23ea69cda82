using CivilDefense.Core.Access;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.CommandBoards;

/// <summary>Establishes the command board of the unit given in the query.</summary>
public sealed class NewModel(GetUnit getUnit, CreateBoard create, ListOrganizations organizations, UiText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int UnitId { get; set; }

    [BindProperty]
    public BoardForm Input { get; set; } = new();

    public UnitDetails? Unit { get; private set; }

    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        // Boards are named after their unit, e.g. "Ban Chỉ huy phòng thủ dân sự xã Tân Biên".
        Input.Name = "Ban Chỉ huy phòng thủ dân sự " + Unit!.FullName.ToLower(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }

        var result = await create.HandleAsync(new CreateBoard.Input(UnitId, Input.Name, Input.StandingAgencyId, Input.EstablishingDecision, Input.EstablishedOn), ct);
        if (!result.IsSuccess)
        {
            Error = BoardErrorText.Of(result.Error!, text);
            Response.StatusCode = BoardErrorText.StatusOf(result.Error!);
            return Page();
        }

        TempData["Message"] = text["Saved."];
        return Redirect($"/boards/{result.Value!.Id}");
    }

    /// <summary>Not found for a unit out of scope; forbidden for roles that cannot write boards.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        Unit = (await getUnit.HandleAsync(UnitId, ct)).Value;
        if (Unit is null)
        {
            return NotFound();
        }

        // The unit is visible, so it lies in the actor's scope; what remains is the role.
        if (!AccessPolicy.CanWriteAny(PtdsClaims.ToActor(User), Resource.CommandBoards))
        {
            return Forbid();
        }

        Organizations = (await organizations.HandleAsync(new ListOrganizations.Query(UnitId, IsActive: true), new PageQuery(1, PageQuery.MaxPageSize), ct)).Items;
        return null;
    }
}
