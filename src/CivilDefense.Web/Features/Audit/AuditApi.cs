using CivilDefense.Core.Audit;
using CivilDefense.Core.Common;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Audit;

/// <summary>The audit trail for administrators and commanders, scoped to their subtree.</summary>
public static class AuditApi
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReader);
        audit.MapGet("/", List);
        audit.MapGet("/{id:long}", Get);
        audit.MapGet("/export", Export);
    }

    public static void AddAudit(this IServiceCollection services)
    {
        services.AddScoped<ListAudit>();
        services.AddScoped<GetAuditEntry>();
    }

    private static async Task<IResult> List(
        ListAudit handler, DateOnly? from, DateOnly? to, string? actor, string? entityType, string? action, string? entityId, int? page, int? pageSize, CancellationToken ct) =>
        (await handler.HandleAsync(new ListAudit.Query(from, to, actor, entityType, action, entityId), new PageQuery(page ?? 1, pageSize ?? 50), ct)).ToHttp();

    private static async Task<IResult> Get(GetAuditEntry handler, long id, CancellationToken ct) =>
        (await handler.HandleAsync(id, ct)).ToHttp();

    private static async Task Export(
        HttpContext context, ListAudit handler, DateOnly? from, DateOnly? to, string? actor, string? entityType, string? action, string? entityId, CancellationToken ct) =>
        await AuditExport.WriteAsync(context, handler, new ListAudit.Query(from, to, actor, entityType, action, entityId), ct);
}

/// <summary>The CSV download shared by the API and the audit page: streamed row by row, every page of the filter.</summary>
public static class AuditExport
{
    public static async Task WriteAsync(HttpContext context, ListAudit handler, ListAudit.Query query, CancellationToken ct)
    {
        var stream = handler.Stream(query);
        if (!stream.IsSuccess)
        {
            await stream.Error!.ToProblem().ExecuteAsync(context);
            return;
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"audit.csv\"";
        await using var writer = new StreamWriter(context.Response.Body, AuditCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        await AuditCsv.WriteAsync(stream.Value!.Rows, writer, ct);
    }
}
