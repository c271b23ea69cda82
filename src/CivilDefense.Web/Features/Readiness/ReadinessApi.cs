using CivilDefense.Core.Common;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Resources.Registry;
using CivilDefense.Core.Resources.StockCounts;
using CivilDefense.Core.Shelters;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.Readiness;

/// <summary>
/// The readiness registry under /api/v1/readiness: forces, equipment, supplies, logistics-points
/// and shelters share one set of routes each (list, get, create, update, delete, export, import),
/// plus the equipment catalogue and stock counts (submit, preview, apply, discard, history).
/// </summary>
public static class ReadinessApi
{
    public static void MapReadinessApi(this RouteGroupBuilder api)
    {
        var readiness = api.MapGroup("/readiness").WithTags("Readiness");
        readiness.MapRegistry(ForceRegistry.Instance);
        readiness.MapRegistry(EquipmentRegistry.Instance);
        readiness.MapRegistry(SupplyRegistry.Instance);
        readiness.MapRegistry(LogisticsPointRegistry.Instance);
        readiness.MapRegistry(ShelterRegistry.Instance);

        readiness.MapGet("/equipment-types", ListTypes);
        readiness.MapPost("/equipment-types", CreateType).RequireAuthorization(Policies.Administrator);
        readiness.MapPut("/equipment-types/{id:int}", UpdateType).RequireAuthorization(Policies.Administrator);

        readiness.MapGet("/stock-counts", ListCounts);
        readiness.MapGet("/stock-counts/{id:int}", GetCount);
        readiness.MapPost("/stock-counts", SubmitCount).RequireAuthorization(Policies.Editor);
        readiness.MapGet("/stock-counts/{id:int}/preview", GetCount);
        readiness.MapPost("/stock-counts/{id:int}/apply", ApplyCount).RequireAuthorization(Policies.Editor);
        readiness.MapPost("/stock-counts/{id:int}/discard", DiscardCount).RequireAuthorization(Policies.Editor);
    }

    public static void AddReadiness(this IServiceCollection services)
    {
        services.AddScoped<ListRecords>();
        services.AddScoped<GetRecord>();
        services.AddScoped<CreateRecord>();
        services.AddScoped<UpdateRecord>();
        services.AddScoped<DeleteRecord>();
        services.AddScoped<ImportRecords>();
        services.AddScoped<ExportRecords>();
        services.AddScoped<ListEquipmentTypes>();
        services.AddScoped<SaveEquipmentType>();
        services.AddScoped<SubmitStockCount>();
        services.AddScoped<GetStockCount>();
        services.AddScoped<ApplyStockCount>();
        services.AddScoped<DiscardStockCount>();
        services.AddScoped<ListStockCounts>();
    }

    private static async Task<Ok<IReadOnlyList<EquipmentTypeView>>> ListTypes(ListEquipmentTypes handler, EquipmentCategory? category, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(category, ct));

    private static async Task<IResult> CreateType(SaveEquipmentType handler, SaveEquipmentType.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(null, input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/readiness/equipment-types/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateType(SaveEquipmentType handler, int id, SaveEquipmentType.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<Ok<Page<StockCountSummary>>> ListCounts(ListStockCounts handler, int? unitId, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(unitId, new PageQuery(page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> GetCount(GetStockCount handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> SubmitCount(SubmitStockCount handler, SubmitStockCount.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/readiness/stock-counts/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    /// <summary>The body names the version the client previewed, so a count changed since is not applied blind.</summary>
    public sealed record ApplyInput(int Version);

    private static async Task<IResult> ApplyCount(ApplyStockCount handler, int id, ApplyInput input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input.Version, ct)).ToHttp();

    private static async Task<IResult> DiscardCount(DiscardStockCount handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();
}
