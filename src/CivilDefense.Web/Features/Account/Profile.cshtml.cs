using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Account;

/// <summary>Any signed-in person's own page: display name, e-mail, language, and a password change.</summary>
public sealed class ProfileModel(OwnProfile profile, UiText text) : PageModel
{
    public sealed class ProfileInput
    {
        public string DisplayName { get; set; } = "";

        public string? Email { get; set; }

        public string Language { get; set; } = "vi";
    }

    public sealed class PasswordInput
    {
        public string CurrentPassword { get; set; } = "";

        public string NewPassword { get; set; } = "";
    }

    public UserDetails? Me { get; private set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new ProfileInput { DisplayName = Me!.DisplayName, Email = Me.Email, Language = Me.Language };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await profile.UpdateAsync(new OwnProfile.ProfileInput(Input.DisplayName ?? "", Input.Email, Input.Language ?? "vi"), ct);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        // The chosen language applies from the next page on, as with the language switch.
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Input.Language == "en" ? UiText.English : UiText.Vietnamese)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddYears(1) });
        Message = text["Saved."];
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        var result = await profile.ChangePasswordAsync(new OwnProfile.PasswordInput(Password.CurrentPassword ?? "", Password.NewPassword ?? ""), ct);
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Input = new ProfileInput { DisplayName = Me!.DisplayName, Email = Me.Email, Language = Me.Language };
        Password = new PasswordInput();
        if (!result.IsSuccess)
        {
            return Failed(result.Error!);
        }

        Message = text["Your password is changed."];
        return Page();
    }

    private PageResult Failed(Error error)
    {
        Error = error.FieldErrors?.ContainsKey(nameof(OwnProfile.PasswordInput.CurrentPassword)) == true
            ? text["The current password is wrong."]
            : error.FieldErrors?.ContainsKey(nameof(OwnProfile.PasswordInput.NewPassword)) == true
                ? text.Format("The password must have at least {0} characters.", Passwords.MinLength)
                : error.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var result = await profile.GetAsync(ct);
        Me = result.Value;
        return result.IsSuccess;
    }
}
