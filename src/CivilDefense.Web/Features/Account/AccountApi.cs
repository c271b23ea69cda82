using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.Account;

public static class AccountApi
{
    public sealed record Me(string Name, string Role, int? UnitId, string? UnitPath, int? OrganizationId, bool IsToken);

    public static void MapAccountApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", GetMe).WithTags("Account");

    /// <summary>Who the caller is and which subtree they see: the first call a client makes.</summary>
    private static Ok<Me> GetMe(HttpContext context)
    {
        var actor = PtdsClaims.ToActor(context.User);
        return TypedResults.Ok(new Me(actor.Name, actor.Role.ToString(), actor.UnitId, actor.UnitPath, actor.OrganizationId, actor.TokenId is not null));
    }
}
