using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Tokens;

/// <summary>API tokens for machines: issued with their secret once, listed without it, revoked.</summary>
public static class TokensApi
{
    public static void MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("API tokens").RequireAuthorization(Policies.Administrator);
        tokens.MapGet("/", List);
        tokens.MapPost("/", Create);
        tokens.MapPost("/{id:int}/revoke", Revoke);
    }

    public static void AddTokens(this IServiceCollection services)
    {
        services.AddScoped<ListTokens>();
        services.AddScoped<CreateToken>();
        services.AddScoped<RevokeToken>();
    }

    private static async Task<IResult> List(ListTokens handler, bool? includeInactive, int? page, int? pageSize, CancellationToken ct) =>
        (await handler.HandleAsync(includeInactive ?? true, new PageQuery(page ?? 1, pageSize ?? 50), ct)).ToHttp();

    private static async Task<IResult> Create(CreateToken handler, CreateToken.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/tokens/{result.Value!.Token.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Revoke(RevokeToken handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();
}
