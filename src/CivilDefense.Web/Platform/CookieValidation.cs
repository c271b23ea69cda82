using CivilDefense.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Platform;

/// <summary>
/// A cookie outlives changes to its user. Each request checks that the user is still active with
/// the same role and scope; otherwise the cookie is dropped and they sign in again.
/// </summary>
public static class CookieValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var actor = PtdsClaims.ToActor(context.Principal!);
        var db = context.HttpContext.RequestServices.GetRequiredService<PtdsDbContext>();
        var current = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Id == actor.UserId)
            .Select(u => new { u.IsActive, u.Role, u.UnitId, u.OrganizationId })
            .SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || !current.IsActive || current.Role != actor.Role || current.UnitId != actor.UnitId || current.OrganizationId != actor.OrganizationId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
