using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivilDefense.Web.Features.Subscribers;

/// <summary>
/// Alert subscribers: the staff API (scoped, personal data masked by role) and the public one
/// (no login, rate-limited): register, confirm with the code, unsubscribe with the signed link.
/// </summary>
public static class SubscribersApi
{
    /// <summary>Who the audit trail names for a write made without a login.</summary>
    public static readonly Actor PublicActor = new("public", Role.Viewer, null, "/none/");

    public static void MapSubscribersApi(this RouteGroupBuilder api)
    {
        var staff = api.MapGroup("/subscribers").WithTags("Subscribers");
        staff.MapGet("/", List);
        staff.MapGet("/export.csv", Export);
        staff.MapGet("/{id:int}", Get);
        staff.MapPost("/", Create).RequireAuthorization(Policies.Editor);
        staff.MapPut("/{id:int}", Update).RequireAuthorization(Policies.Editor);
        staff.MapPost("/{id:int}/deactivate", Deactivate).RequireAuthorization(Policies.Editor);
        staff.MapPost("/{id:int}/reactivate", Reactivate).RequireAuthorization(Policies.Editor);
        staff.MapPost("/import", Import).RequireAuthorization(Policies.Editor).DisableAntiforgery();

        var open = api.MapGroup("/public/subscriptions").WithTags("Public subscriptions")
            .AllowAnonymous()
            .RequireRateLimiting(SubscriberServices.PublicPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<HttpActorAccessor>().Override = PublicActor;
                return await next(context);
            });
        open.MapPost("/", Register);
        open.MapPost("/{id:int}/confirm", Confirm);
        open.MapPost("/unsubscribe", UnsubscribeAsync);
    }

    public sealed record CodeInput(string Code);

    public sealed record TokenInput(string Token);

    public sealed record ImportSummary(int Created, int Updated);

    public sealed record ImportProblem(int Line, string Field, string Message);

    private static async Task<Ok<Page<SubscriberView>>> List(
        ListSubscribers handler, SubscriberKind? kind, SubscriberStatus? status, int? unitId, int? organizationId, string? language, string? search, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new SubscriberFilter(kind, status, unitId, organizationId, language, search), new PageQuery(page ?? 1, pageSize ?? 50), ct));

    private static async Task<FileContentHttpResult> Export(
        ListSubscribers handler, SubscriberKind? kind, SubscriberStatus? status, int? unitId, int? organizationId, string? language, string? search, CancellationToken ct)
    {
        var rows = await handler.ExportAsync(new SubscriberFilter(kind, status, unitId, organizationId, language, search), ct);
        var file = CsvExport.File(rows.Select(SubscriberCsvRow.Of), "subscribers.csv");
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    private static async Task<IResult> Get(GetSubscriber handler, int id, CancellationToken ct) =>
        await handler.HandleAsync(id, ct) is { } view ? TypedResults.Ok(view) : new NotFoundError("No such subscriber.").ToProblem();

    private static async Task<IResult> Create(CreateSubscriber handler, SubscriberInput input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/subscribers/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Update(UpdateSubscriber handler, int id, int version, SubscriberInput input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, version, ct)).ToHttp();

    private static async Task<IResult> Deactivate(SetSubscriberActive handler, int id, int version, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: false, version, ct)).ToHttp();

    private static async Task<IResult> Reactivate(SetSubscriberActive handler, int id, int version, CancellationToken ct) =>
        (await handler.HandleAsync(id, active: true, version, ct)).ToHttp();

    /// <summary>A CSV of duty contacts, all or nothing; a file with errors is a 422 listing each line and field.</summary>
    private static async Task<IResult> Import(ImportDutyContacts handler, IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        var report = await handler.HandleAsync(reader, ct);
        return report.IsSuccess
            ? TypedResults.Ok(new ImportSummary(report.Created, report.Updated))
            : TypedResults.Problem(
                "The file has errors; nothing was imported.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Import failed",
                extensions: new Dictionary<string, object?> { ["errors"] = report.Errors.Select(e => new ImportProblem(e.Line, e.Field, e.Message)).ToList() });
    }

    private static async Task<IResult> Register(RegisterSubscriber handler, RegisterSubscriber.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, ct);
        return result.IsSuccess ? TypedResults.Accepted($"/api/v1/public/subscriptions/{result.Value!.SubscriberId}/confirm", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Confirm(ConfirmSubscription handler, int id, CodeInput input, CancellationToken ct) =>
        (await handler.HandleAsync(new ConfirmSubscription.Input(id, input.Code ?? ""), ct)).ToHttp();

    private static async Task<IResult> UnsubscribeAsync(Unsubscribe handler, TokenInput input, CancellationToken ct) =>
        (await handler.HandleAsync(input.Token, ct)).ToHttp();
}

/// <summary>The flat row of the CSV export (masked where the list is).</summary>
public sealed record SubscriberCsvRow(
    int Id, string Kind, string Name, string? Phone, string? Email, string Language, double? Latitude, double? Longitude,
    string UnitCode, string UnitName, int? OrganizationId, string? OrganizationName, int? ContactOrder, bool IsDutyOfficer,
    string? WebhookUrl, string Status, string Origin, DateTime? ConfirmedAt, bool PersonalDataMasked)
{
    public static SubscriberCsvRow Of(SubscriberView v) => new(
        v.Id, v.Kind.ToString(), v.Name, v.Phone, v.Email, v.Language, v.Latitude, v.Longitude, v.UnitCode, v.UnitName,
        v.OrganizationId, v.OrganizationName, v.ContactOrder, v.IsDutyOfficer, v.WebhookUrl, v.Status.ToString(), v.Origin.ToString(), v.ConfirmedAt, v.PersonalDataMasked);
}
