using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Users;

/// <summary>Creates a user; a generated password is shown once on the answer page.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class NewModel(CreateUser create, PtdsDbContext db, UiText text) : PageModel
{
    public sealed class CreateInput
    {
        public string UserName { get; set; } = "";

        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public Role Role { get; set; } = Role.Viewer;

        public int UnitId { get; set; }

        public int? OrganizationId { get; set; }

        public string? Password { get; set; }
    }

    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public GrantChoices Choices { get; private set; } = new([], []);

    public CreatedUser? Created { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Choices = await GrantChoices.LoadAsync(db, ct);
        Input.UnitId = PtdsClaims.ToActor(User).UnitId ?? 0;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.HandleAsync(new CreateUser.Input(
            Input.UserName ?? "", Input.DisplayName ?? "", Input.Role, Input.UnitId, Input.OrganizationId,
            Input.Email, string.IsNullOrEmpty(Input.Password) ? null : Input.Password), ct);
        if (!result.IsSuccess)
        {
            Choices = await GrantChoices.LoadAsync(db, ct);
            Error = result.Error is ForbiddenError ? text["You may only grant access within your own unit's subtree."] : result.Error!.Message;
            FieldErrors = result.Error.FieldErrors;
            Response.StatusCode = result.Error is ForbiddenError ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }

        Created = result.Value;
        return Page();
    }
}
