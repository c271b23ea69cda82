using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Access;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivilDefense.Web.Features.Account;

public sealed class LoginModel(SignIn signIn, HttpActorAccessor actors, UiText text) : PageModel
{
    public sealed class LoginInput
    {
        [Required, StringLength(100)]
        public string UserName { get; set; } = "";

        [Required, StringLength(200)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            ErrorMessage = text["Enter your user name and password."];
            return Page();
        }

        // Counting failures and recording the last login are writes by the system, not by the anonymous caller.
        actors.Override = Actor.System;
        var result = await signIn.HandleAsync(new SignIn.Input(Input.UserName, Input.Password), ct);
        actors.Override = null;
        if (!result.IsSuccess)
        {
            ErrorMessage = result.Error is SignIn.LockedOut
                ? text["The account is locked after repeated failures; try again later."]
                : text["Wrong user name or password."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var user = result.Value!;
        var principal = PtdsClaims.Create(CookieAuthenticationDefaults.AuthenticationScheme, user.UserName, user.Role, user.UnitId, user.UnitPath, user.OrganizationId, user.UserId, tokenId: null);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(user.Language == "en" ? UiText.English : UiText.Vietnamese)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddYears(1) });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
