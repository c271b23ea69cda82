using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Web.Features.Users;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Tokens;

/// <summary>Issues a token and shows its secret this once; only its hash is kept.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(CreateToken create, PtdsDbContext db, UiText text) : PageModel
{
    public sealed class CreateInput
    {
        public string Name { get; set; } = "";

        public Role Role { get; set; } = Role.Viewer;

        public int UnitId { get; set; }

        public int? OrganizationId { get; set; }

        public int ExpiresInDays { get; set; } = 90;
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public GrantChoices Choices { get; private set; } = new([], []);

    public CreatedToken? Created { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await GrantChoices.LoadAsync(db, ct);
        Input.UnitId = PtdsClaims.ToActor(User).UnitId ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateToken.Input(Input.Name ?? "", Input.Role, Input.UnitId, Input.ExpiresInDays, Input.OrganizationId), ct);
        if (!result.IsSuccess)
        {
            Choices = await GrantChoices.LoadAsync(db, ct);
            Error = result.Error is ForbiddenError
                ? text["You may only grant access within your own unit's subtree."]
                : result.Error!.Message + (result.Error.FieldErrors is { } f ? " " + string.Join(" ", f.SelectMany(x => x.Value)) : "");
            Response.StatusCode = result.Error is ForbiddenError ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }

        // The secret must not be cached anywhere on the way back.
        Response.Headers.CacheControl = "no-store";
        Created = result.Value;
        return Page();
    }
}
