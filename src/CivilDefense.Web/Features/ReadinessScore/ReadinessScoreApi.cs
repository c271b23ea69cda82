using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>Readiness scorecards, shelter coverage, reminders and the norms behind them.</summary>
public static class ReadinessScoreApi
{
    public static void MapReadinessScoreApi(this RouteGroupBuilder api)
    {
        var readiness = api.MapGroup("/readiness").WithTags("Readiness scores");
        readiness.MapGet("/scorecards", Scorecards);
        readiness.MapGet("/scorecards/{unitId:int}", Scorecard);
        readiness.MapGet("/coverage", Coverage);
        readiness.MapGet("/reminders", Reminders);
        readiness.MapGet("/points", Points);
        readiness.MapPost("/snapshots", RecordSnapshots).RequireAuthorization(Policies.Editor);
        readiness.MapGet("/metrics", Metrics);
        readiness.MapGet("/norms", ListNorms);
        readiness.MapGet("/norms/{id:int}", GetNorm);
        readiness.MapPost("/norms", CreateNorm).RequireAuthorization(Policies.Editor);
        readiness.MapPut("/norms/{id:int}", UpdateNorm).RequireAuthorization(Policies.Editor);
        readiness.MapDelete("/norms/{id:int}", DeleteNorm).RequireAuthorization(Policies.Editor);
        readiness.MapGet("/units/{unitId:int}/profiles", Profiles);
        readiness.MapPut("/units/{unitId:int}/profiles", SetProfiles).RequireAuthorization(Policies.Editor);
    }

    public static void AddReadinessScore(this IServiceCollection services)
    {
        services.AddScoped<GetScorecards>();
        services.AddScoped<GetUnitScorecard>();
        services.AddScoped<GetShelterCoverage>();
        services.AddScoped<ListReminders>();
        services.AddScoped<ListMapPoints>();
        services.AddScoped<RecordSnapshots>();
        services.AddScoped<ListNorms>();
        services.AddScoped<GetNorm>();
        services.AddScoped<CreateNorm>();
        services.AddScoped<UpdateNorm>();
        services.AddScoped<DeleteNorm>();
        services.AddScoped<SetHazardProfiles>();
        services.AddHostedService<NightlySnapshots>();
    }

    private static async Task<IResult> Profiles(SetHazardProfiles handler, Core.Data.PtdsDbContext db, int unitId, CancellationToken ct) =>
        await db.Units.AnyAsync(u => u.Id == unitId, ct)
            ? TypedResults.Ok(await handler.ListAsync(unitId, ct))
            : new Core.Common.NotFoundError("No such administrative unit.").ToProblem();

    private static async Task<IResult> SetProfiles(SetHazardProfiles handler, int unitId, List<HazardProfileInput> profiles, CancellationToken ct) =>
        (await handler.HandleAsync(unitId, profiles, ct)).ToHttp();

    /// <summary>The unit asked for, else the caller's own unit (a national system token must name one).</summary>
    private static int? UnitOrOwn(HttpContext http, int? unitId) => unitId ?? PtdsClaims.ToActor(http.User).UnitId;

    private static IResult MissingUnit() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["unitId"] = ["Name a unit."] });

    private static async Task<IResult> Scorecards(GetScorecards handler, HttpContext http, int? unitId, CancellationToken ct) =>
        UnitOrOwn(http, unitId) is { } id ? (await handler.HandleAsync(id, ct)).ToHttp() : MissingUnit();

    private static async Task<IResult> Scorecard(GetUnitScorecard handler, int unitId, CancellationToken ct) =>
        (await handler.HandleAsync(unitId, ct)).ToHttp();

    private static async Task<IResult> Coverage(GetShelterCoverage handler, HttpContext http, int? unitId, double? distanceKm, CancellationToken ct) =>
        UnitOrOwn(http, unitId) is { } id ? (await handler.HandleAsync(id, distanceKm, ct)).ToHttp() : MissingUnit();

    private static async Task<IResult> Reminders(ListReminders handler, HttpContext http, int? unitId, CancellationToken ct) =>
        UnitOrOwn(http, unitId) is { } id ? (await handler.HandleAsync(id, ct)).ToHttp() : MissingUnit();

    private static async Task<IResult> Points(ListMapPoints handler, HttpContext http, int? unitId, CancellationToken ct) =>
        UnitOrOwn(http, unitId) is { } id ? (await handler.HandleAsync(id, ct)).ToHttp() : MissingUnit();

    /// <summary>Records today's scores of the communes under the unit (the trend's points).</summary>
    private static async Task<IResult> RecordSnapshots(RecordSnapshots handler, HttpContext http, int? unitId, CancellationToken ct) =>
        UnitOrOwn(http, unitId) is { } id ? (await handler.HandleAsync(id, "manual", ct)).ToHttp() : MissingUnit();

    private static Ok<IEnumerable<MetricInfo>> Metrics() =>
        TypedResults.Ok(ReadinessMetrics.All.Select(m => new MetricInfo(m.Key, m.Component, m.Label, m.MeasureUnit, m.IsFlag)));

    private static async Task<Ok<IReadOnlyList<NormView>>> ListNorms(ListNorms handler, HazardProfile? profile, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(profile, ct));

    private static async Task<IResult> GetNorm(GetNorm handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> CreateNorm(CreateNorm handler, NormInput input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/readiness/norms/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateNorm(UpdateNorm handler, int id, NormInput input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> DeleteNorm(DeleteNorm handler, int id, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }
}

public sealed record MetricInfo(string Key, ReadinessComponent Component, string Label, string MeasureUnit, bool IsFlag);
