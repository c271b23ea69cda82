using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.Territory;

/// <summary>Administrative units, their map and the 2025 old-to-new mapping.</summary>
public static class TerritoryApi
{
    public static void MapTerritoryApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Territory");
        units.MapGet("/", List);
        units.MapGet("/{id:int}", Get);
        units.MapGet("/{id:int}/map", Map);
        units.MapPost("/", Create).RequireAuthorization(Policies.Editor);
        units.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Editor);
        api.MapGet("/successions", Successions).WithTags("Territory");
    }

    public static void AddTerritory(this IServiceCollection services)
    {
        services.AddScoped<ListUnits>();
        services.AddScoped<GetUnit>();
        services.AddScoped<GetUnitMap>();
        services.AddScoped<CreateUnit>();
        services.AddScoped<UpdateUnit>();
        services.AddScoped<ListSuccessions>();
    }

    private static async Task<Ok<Page<UnitSummary>>> List(
        ListUnits handler, int? parentId, string? search, UnitKind? kind, int? level, bool? includeFormer, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(
            new ListUnits.Query(parentId, search, kind, level, includeFormer ?? false),
            new PageQuery(page ?? 1, pageSize ?? 50),
            ct));

    private static async Task<IResult> Get(GetUnit handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    /// <summary>GeoJSON of the unit's children with simplified boundaries, population and density.</summary>
    private static async Task<IResult> Map(GetUnitMap handler, int id, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, ct);
        return result.IsSuccess ? TypedResults.Text(result.Value!, "application/geo+json") : result.Error!.ToProblem();
    }

    private static async Task<IResult> Create(CreateUnit handler, CreateUnit.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/units/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Update(UpdateUnit handler, int id, UpdateUnit.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<Ok<Page<ListSuccessions.Row>>> Successions(ListSuccessions handler, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(search, new PageQuery(page ?? 1, pageSize ?? 50), ct));
}
