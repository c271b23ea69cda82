using System.ComponentModel.DataAnnotations;
using CivilDefense.Core.Monitoring;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace CivilDefense.Web.Features.Monitoring;

/// <summary>A batch of observations as stations post it (the document's shape; the endpoint reads the body itself).</summary>
public sealed record ObservationBatch([property: Required] List<ObservationInput> Observations);

/// <summary>The operator's decision on a draft warning.</summary>
public sealed record WarningReview([property: Required] WarningStatus Decision, [property: StringLength(1000)] string? Note, int Version);

/// <summary>Stations, observations (JSON batches and CSV backfill), risk rules and draft warnings.</summary>
public static class MonitoringApi
{
    /// <summary>A CSV backfill may be as large as any upload.</summary>
    public const long MaxCsvBytes = WebHost.MaxUploadBytes;

    /// <summary>A JSON batch of the most items a request may hold (100,000, about 90 bytes each) fits with room to spare.</summary>
    public const int MaxBatchBytes = (int)WebHost.MaxUploadBytes;

    /// <summary>Rejections listed in an answer; the count covers them all.</summary>
    public const int MaxListedRejections = 1000;

    public static void MapMonitoringApi(this RouteGroupBuilder api)
    {
        var monitoring = api.MapGroup("/monitoring").WithTags("Monitoring");
        monitoring.MapGet("/stations", ListStations);
        monitoring.MapGet("/stations/export", ExportStations);
        monitoring.MapGet("/stations/{id:int}", GetStation);
        monitoring.MapPut("/stations/{id:int}", UpdateStation).RequireAuthorization(Policies.Editor);
        monitoring.MapGet("/stations/{id:int}/series", Series);
        // Any authenticated caller: a station's own token may have any role; the handler checks the station binding and scope.
        monitoring.MapPost("/observations", Ingest).WithMetadata(new RequestSizeLimitAttribute(MaxBatchBytes))
            .Accepts<ObservationBatch>("application/json")
            .Produces<IngestReport>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Post a batch of observations")
            .WithDescription(IngestDescription);
        monitoring.MapPost("/observations/csv", IngestCsv).RequireAuthorization(Policies.Editor).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxCsvBytes));
        monitoring.MapGet("/rules", ListRules);
        monitoring.MapPost("/rules", CreateRule).RequireAuthorization(Policies.Editor);
        monitoring.MapPut("/rules/{id:int}", UpdateRule).RequireAuthorization(Policies.Editor);
        monitoring.MapDelete("/rules/{id:int}", DeleteRule).RequireAuthorization(Policies.Editor);
        monitoring.MapGet("/warnings", ListWarnings);
        monitoring.MapPost("/warnings/{id:int}/review", Review).RequireAuthorization(Policies.Editor);
    }

    public static void AddMonitoring(this IServiceCollection services)
    {
        services.AddScoped<ListStations>();
        services.AddScoped<GetStation>();
        services.AddScoped<UpdateStation>();
        services.AddScoped<GetStationSeries>();
        services.AddScoped<IngestObservations>();
        services.AddScoped<ImportObservationsCsv>();
        services.AddScoped<ListRiskRules>();
        services.AddScoped<EditRiskRule>();
        services.AddScoped<ListWarnings>();
        services.AddScoped<ReviewWarning>();
    }

    private static async Task<IResult> ListStations(ListStations handler, string? search, int? unitId, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(search, unitId, ct));

    private static async Task<IResult> ExportStations(ListStations handler, string? search, int? unitId, CancellationToken ct)
    {
        var file = StationCsv.File(await handler.HandleAsync(search, unitId, ct));
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    private static async Task<IResult> GetStation(GetStation handler, int id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task<IResult> UpdateStation(UpdateStation handler, int id, StationInput input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> Series(GetStationSeries handler, int id, StationVariable? variable, DateTime? from, DateTime? to, CancellationToken ct) =>
        (await handler.HandleAsync(id, variable ?? StationVariable.WaterLevel, from?.ToUniversalTime(), to?.ToUniversalTime(), ct)).ToHttp();

    private const string IngestDescription =
        "Body: {\"observations\": [{\"station\": \"MOC-HOA\", \"time\": \"2025-10-01T06:05:00+07:00\", \"variable\": \"WaterLevel\", \"value\": 1.25}, …]}, " +
        "at most 100,000 items and 12 MB. Idempotent on (station, time, variable): a key already stored with the same value is a duplicate, " +
        "with another value a correction that replaces it; the same key twice in a batch keeps the later item. " +
        "An item that is impossible (unknown station, time without offset or in the future, unknown or unreported variable, value out of the plausible range, " +
        "a field missing, of the wrong type, repeated or unknown) is rejected on its own and the rest are stored. " +
        "The answer gives the counts (received, accepted, corrected, duplicates, rejected), the rejected items only (the first 1,000: index from 0 in the batch, field, reason) " +
        "and the draft warnings the batch raised. A body that is not such a JSON document is refused as a whole (400, with the position of the fault); " +
        "a station token may post only for its own stations (403).";

    private static async Task<IResult> Ingest(IngestObservations handler, HttpContext http, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync(http, MaxBatchBytes);
        if (problem is not null)
        {
            return problem;
        }

        using (body)
        {
            var result = await handler.HandleJsonAsync(body!.Content, "api:" + PtdsClaims.ToActor(http.User).Name, ct);
            return result.IsSuccess && result.Value!.Rejections.Count > MaxListedRejections
                ? TypedResults.Ok(result.Value with { Rejections = [.. result.Value.Rejections.Take(MaxListedRejections)] })
                : result.ToHttp();
        }
    }

    private static async Task<IResult> IngestCsv(ImportObservationsCsv handler, HttpContext http, CancellationToken ct)
    {
        var (upload, problem) = await FileUploads.ReadAsync(http, MaxCsvBytes);
        if (problem is not null)
        {
            return problem;
        }

        var result = await handler.HandleAsync(new MemoryStream(upload!.Content), upload.FileName, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        return result.Value!.IsSuccess
            ? TypedResults.Ok(result.Value.Report)
            : TypedResults.ValidationProblem(
                result.Value.Errors.Take(200).GroupBy(e => $"line {e.Line}, field {e.Field}").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                $"Nothing was stored: {result.Value.Errors.Count} error(s) in the file.",
                title: "Invalid file");
    }

    private static async Task<IResult> ListRules(ListRiskRules handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct));

    private static async Task<IResult> CreateRule(EditRiskRule handler, RiskRuleInput input, CancellationToken ct)
    {
        var result = await handler.CreateAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/monitoring/rules/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateRule(EditRiskRule handler, int id, RiskRuleInput input, CancellationToken ct) =>
        (await handler.UpdateAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> DeleteRule(EditRiskRule handler, int id, CancellationToken ct)
    {
        var result = await handler.DeleteAsync(id, ct);
        return result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
    }

    private static async Task<IResult> ListWarnings(ListWarnings handler, WarningStatus? status, int? stationId, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(status, stationId, ct));

    private static async Task<IResult> Review(ReviewWarning handler, int id, WarningReview review, CancellationToken ct) =>
        (await handler.HandleAsync(id, review.Decision, review.Note, review.Version, ct)).ToHttp();
}
