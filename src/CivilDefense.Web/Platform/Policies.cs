using CivilDefense.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace CivilDefense.Web.Platform;

/// <summary>
/// Authorisation policies by role. Scope (which units) is enforced by the data layer for every
/// policy (ADR 0002); these say which roles reach an endpoint at all.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in user or token: reads within scope.</summary>
    public const string Reader = "reader";

    /// <summary>Every role but viewer: writes, narrowed per record by the access policy.</summary>
    public const string Editor = "editor";

    /// <summary>Administrators: users and API tokens.</summary>
    public const string Administrator = "administrator";

    /// <summary>Administrators and commanders: the audit trail.</summary>
    public const string AuditReader = "audit-reader";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Editor, p => p.RequireAuthenticatedUser().RequireRole(
            nameof(Role.Administrator), nameof(Role.Commander), nameof(Role.Officer), nameof(Role.AgencyLiaison)));
        options.AddPolicy(Administrator, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Administrator)));
        options.AddPolicy(AuditReader, p => p.RequireAuthenticatedUser().RequireRole(nameof(Role.Administrator), nameof(Role.Commander)));

        // Anything not marked otherwise needs a signed-in user.
        options.FallbackPolicy = options.GetPolicy(Reader);
    }
}
