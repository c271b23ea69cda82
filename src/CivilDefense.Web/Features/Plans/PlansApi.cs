using System.Text.Json;
using CivilDefense.Core.Common;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Import;
using CivilDefense.Core.Plans.Parsing;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.Plans;

/// <summary>Plans: import from documents (preview, then apply), read, and settle names for review.</summary>
public static class PlansApi
{
    public static void MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans");
        plans.MapGet("/", List);
        plans.MapGet("/{id:int}", Get);
        plans.MapPost("/import/preview", Preview).RequireAuthorization(Policies.Editor).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(WebHost.MaxUploadBytes));
        plans.MapPost("/import", Import).RequireAuthorization(Policies.Editor).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(WebHost.MaxUploadBytes));
        plans.MapPost("/{id:int}/review", MapBody).RequireAuthorization(Policies.Editor);
    }

    public static void AddPlans(this IServiceCollection services)
    {
        services.AddScoped<ListPlans>();
        services.AddScoped<GetPlan>();
        services.AddScoped<PreviewPlanImport>();
        services.AddScoped<ApplyPlanImport>();
        services.AddScoped<MapPlanBody>();
        services.AddMemoryCache();
        services.AddSingleton<PendingUploads>();
    }

    private static async Task<Ok<Page<PlanSummary>>> List(ListPlans handler, int? unitId, string? search, bool? active, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new ListPlans.Query(unitId, search, active ?? true), new PageQuery(page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> Get(GetPlan handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    /// <summary>Multipart: <c>file</c> and <c>unitId</c>. Says what the import would do; writes nothing.</summary>
    private static async Task<IResult> Preview(HttpContext context, PreviewPlanImport handler, CancellationToken ct)
    {
        var (upload, problem) = await FileUploads.ReadAsync(context, PlanReadLimits.Default.MaxFileBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (UnitId(upload!.Form) is not { } unitId)
        {
            return InvalidField("unitId", "Give the unit whose plan this is.");
        }

        return (await handler.HandleAsync(new PlanFile(upload.FileName, upload.Content), unitId, ct)).ToHttp();
    }

    /// <summary>Multipart: <c>file</c>, <c>unitId</c> and optional <c>decisions</c> (a JSON array of body decisions).</summary>
    private static async Task<IResult> Import(HttpContext context, ApplyPlanImport handler, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (upload, problem) = await FileUploads.ReadAsync(context, PlanReadLimits.Default.MaxFileBytes);
        if (problem is not null)
        {
            return problem;
        }

        if (UnitId(upload!.Form) is not { } unitId)
        {
            return InvalidField("unitId", "Give the unit whose plan this is.");
        }

        IReadOnlyList<BodyDecision> decisions = [];
        if (upload.Form["decisions"].ToString() is { Length: > 0 } text)
        {
            try
            {
                decisions = JsonSerializer.Deserialize<List<BodyDecision>>(text, json.Value.SerializerOptions) ?? [];
            }
            catch (JsonException e)
            {
                return InvalidField("decisions", e.Message);
            }
        }

        var result = await handler.HandleAsync(new PlanFile(upload.FileName, upload.Content), unitId, decisions, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        return result.Value!.Outcome == PlanImportOutcome.New
            ? TypedResults.Created($"/api/v1/plans/{result.Value.PlanId}", result.Value)
            : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> MapBody(MapPlanBody handler, int id, MapPlanBody.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static int? UnitId(IFormCollection form) => int.TryParse(form["unitId"], out var id) ? id : null;

    private static IResult InvalidField(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid input");
}
