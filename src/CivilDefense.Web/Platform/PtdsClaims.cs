using System.Globalization;
using System.Security.Claims;
using CivilDefense.Core.Access;

namespace CivilDefense.Web.Platform;

/// <summary>The claims a signed-in user or token carries, and the actor they make.</summary>
public static class PtdsClaims
{
    public const string UserId = "ptds:uid";
    public const string TokenId = "ptds:tid";
    public const string UnitId = "ptds:unit";
    public const string UnitPath = "ptds:path";
    public const string OrganizationId = "ptds:org";

    public static ClaimsPrincipal Create(string scheme, string name, Role role, int unitId, string unitPath, int? organizationId, int? userId, int? tokenId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.Role, role.ToString()),
            new(UnitId, unitId.ToString(CultureInfo.InvariantCulture)),
            new(UnitPath, unitPath),
        };
        if (organizationId is { } org)
        {
            claims.Add(new(OrganizationId, org.ToString(CultureInfo.InvariantCulture)));
        }

        if (userId is { } uid)
        {
            claims.Add(new(UserId, uid.ToString(CultureInfo.InvariantCulture)));
        }

        if (tokenId is { } tid)
        {
            claims.Add(new(TokenId, tid.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The actor of a principal; an anonymous caller gets a viewer scoped to nothing.</summary>
    public static Actor ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(UnitPath) is not { Length: > 0 } path)
        {
            return Anonymous;
        }

        return new Actor(
            principal.Identity.Name ?? "?",
            Enum.Parse<Role>(principal.FindFirstValue(ClaimTypes.Role)!),
            Int(principal, UnitId),
            path,
            Int(principal, OrganizationId),
            Int(principal, UserId),
            Int(principal, TokenId));
    }

    /// <summary>Sees nothing: no unit path starts with this.</summary>
    public static Actor Anonymous { get; } = new("anonymous", Role.Viewer, null, "/none/");

    private static int? Int(ClaimsPrincipal principal, string type) =>
        int.TryParse(principal.FindFirstValue(type), CultureInfo.InvariantCulture, out var v) ? v : null;
}
