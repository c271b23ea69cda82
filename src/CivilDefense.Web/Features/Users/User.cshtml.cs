using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Users;

/// <summary>One user: the edit form and the account actions (deactivate, reactivate, unlock, reset password).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UserModel(GetUser get, UpdateUser update, ManageUserAccount manage, PtdsDbContext db, UiText text) : PageModel
{
    public sealed class EditInput
    {
        public int Version { get; set; }

        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public Role Role { get; set; }

        public int UnitId { get; set; }

        public int? OrganizationId { get; set; }
    }

    public UserDetails? Details { get; private set; }

    [BindProperty]
    public EditInput Input { get; set; } = new();

    public GrantChoices Choices { get; private set; } = new([], []);

    public bool IsSelf { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public string? NewPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FillForm();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await update.HandleAsync(id, new UpdateUser.Input(
            Input.Version, Input.DisplayName ?? "", Input.Role, Input.UnitId, Input.OrganizationId, Input.Email), ct);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        FillForm();
        Message = text["Saved."];
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ActAsync(id, manage.DeactivateAsync(id, ct), text["The account is deactivated."], ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ActAsync(id, manage.ReactivateAsync(id, ct), text["The account is active again."], ct);

    public Task<IActionResult> OnPostUnlockAsync(int id, CancellationToken ct) => ActAsync(id, manage.UnlockAsync(id, ct), text["The account is unlocked."], ct);

    public async Task<IActionResult> OnPostResetPasswordAsync(int id, CancellationToken ct)
    {
        var result = await manage.ResetPasswordAsync(id, ct);
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FillForm();
        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        NewPassword = result.Value!.Password;
        Message = text["The password is reset; give the new one to the user."];
        return Page();
    }

    private async Task<IActionResult> ActAsync<T>(int id, Task<Result<T>> action, string done, CancellationToken ct)
    {
        var result = await action;
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        FillForm();
        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        Message = done;
        return Page();
    }

    private PageResult Failed(Error error)
    {
        (Error, Response.StatusCode) = error switch
        {
            ConflictError => (text["Someone else changed this record; reload and try again."], StatusCodes.Status409Conflict),
            ForbiddenError => (text["You may not do this."] + " " + error.Message, StatusCodes.Status403Forbidden),
            _ => (error.Message + (error.FieldErrors is { } f ? " " + string.Join(" ", f.SelectMany(x => x.Value)) : ""), StatusCodes.Status400BadRequest),
        };
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        Details = result.Value;
        IsSelf = Details is not null && Details.Id == PtdsClaims.ToActor(User).UserId;
        Choices = await GrantChoices.LoadAsync(db, ct);
        return result.IsSuccess;
    }

    private void FillForm()
    {
        var u = Details!;
        Input = new EditInput { Version = u.Version, DisplayName = u.DisplayName, Email = u.Email, Role = u.Role, UnitId = u.UnitId, OrganizationId = u.OrganizationId };
    }
}
