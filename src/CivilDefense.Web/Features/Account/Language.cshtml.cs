using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Account;

/// <summary>Switches the UI language (cookie) and, for a signed-in user, remembers it on the profile.</summary>
public sealed class LanguageModel(PtdsDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(string culture, string? returnUrl, CancellationToken ct)
    {
        var chosen = culture == UiText.English ? UiText.English : UiText.Vietnamese;
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Expires = DateTimeOffset.UtcNow.AddYears(1) });
        if (PtdsClaims.ToActor(User).UserId is { } userId
            && await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) is { } user)
        {
            user.Language = chosen == UiText.English ? "en" : "vi";
            await db.SaveChangesAsync(ct);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
