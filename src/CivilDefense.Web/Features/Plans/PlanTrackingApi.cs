using System.Text.Json;
using CivilDefense.Core.Common;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Plans.Reports;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Web.Platform;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.Plans;

/// <summary>
/// Plan tracking: "my tasks", progress reports (JSON, or multipart with attachments), review,
/// attachment download, dashboard (JSON and CSV), subordinate plans, settings, the yearly report
/// (DOCX) and the task workbook (XLSX).
/// </summary>
public static class PlanTrackingApi
{
    /// <summary>Five attachments of 10 MB and the form fields.</summary>
    public const long MaxReportRequestBytes = 52 * 1024 * 1024;

    public static void MapPlanTrackingApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plan tracking");
        plans.MapGet("/my-tasks", MyTasks);
        plans.MapGet("/assignments/{id:int}", Assignment);
        plans.MapPost("/assignments/{id:int}/reports", FileReport).RequireAuthorization(Policies.Editor).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxReportRequestBytes));
        plans.MapPost("/reports/{id:int}/review", Review).RequireAuthorization(Policies.Editor);
        plans.MapGet("/reports/{id:int}/attachments/{attachmentId:int}", Attachment);
        plans.MapGet("/{id:int}/dashboard", Dashboard);
        plans.MapGet("/{id:int}/dashboard.csv", DashboardCsv);
        plans.MapPost("/{id:int}/subordinate", Subordinate).RequireAuthorization(Policies.Editor);
        plans.MapGet("/{id:int}/carried-down", CarriedDown);
        plans.MapPut("/{id:int}/settings", Settings).RequireAuthorization(Policies.Editor);
        plans.MapGet("/{id:int}/report/{year:int}.docx", YearlyReport);
        plans.MapGet("/{id:int}/tasks.xlsx", TasksWorkbook);
    }

    /// <summary>Attachments go where <c>Plans:Attachments:Directory</c> says (default data/runtime/attachments), at most <c>MaxBytes</c> each.</summary>
    public static void AddPlanTracking(this IServiceCollection services)
    {
        services.AddOptions<AttachmentStoreOptions>().BindConfiguration("Plans:Attachments");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AttachmentStoreOptions>>().Value);
        services.AddSingleton<AttachmentStore>();
        services.AddScoped<ListMyTasks>();
        services.AddScoped<GetAssignment>();
        services.AddScoped<FileProgressReport>();
        services.AddScoped<ReviewProgressReport>();
        services.AddScoped<GetReportAttachment>();
        services.AddScoped<GetPlanDashboard>();
        services.AddScoped<CreateSubordinatePlan>();
        services.AddScoped<ListCarriedDown>();
        services.AddScoped<UpdatePlanSettings>();
        services.AddScoped<RaisePlanReminders>();
        services.AddScoped<ExportPlanReport>();
        services.AddScoped<ExportPlanTasks>();
        services.AddHostedService<PlanReminderService>();
    }

    private static async Task<IResult> MyTasks(ListMyTasks handler, int? planId, ListMyTasks.Flag? only, int? page, int? pageSize, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(new ListMyTasks.Query(planId, only), new PageQuery(page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> Assignment(GetAssignment handler, int id, CancellationToken ct) => (await handler.HandleAsync(id, ct)).ToHttp();

    /// <summary>
    /// JSON body (<see cref="FileProgressReport.Input"/>), or multipart with a <c>report</c> field holding that JSON
    /// and <c>files</c> for attachments.
    /// </summary>
    private static async Task<IResult> FileReport(HttpContext context, FileProgressReport handler, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, int id, CancellationToken ct)
    {
        FileProgressReport.Input? input;
        var uploads = new List<AttachmentUpload>();
        try
        {
            if (context.Request.HasFormContentType)
            {
                if (!await AntiforgeryOkAsync(context))
                {
                    return TypedResults.Problem("The form's antiforgery token is missing or invalid; reload the page.", statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
                }

                var form = await context.Request.ReadFormAsync(ct);
                input = JsonSerializer.Deserialize<FileProgressReport.Input>(form["report"].ToString() is { Length: > 0 } text ? text : "null", json.Value.SerializerOptions);
                foreach (var file in form.Files)
                {
                    using var buffer = new MemoryStream();
                    await file.CopyToAsync(buffer, ct);
                    uploads.Add(new AttachmentUpload(file.FileName, buffer.ToArray()));
                }
            }
            else
            {
                input = await context.Request.ReadFromJsonAsync<FileProgressReport.Input>(json.Value.SerializerOptions, ct);
            }
        }
        catch (JsonException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = [e.Message] }, title: "Invalid input");
        }

        if (input is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["Send the report."] }, title: "Invalid input");
        }

        var result = await handler.HandleAsync(id, input, uploads, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/plans/assignments/{id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<bool> AntiforgeryOkAsync(HttpContext context) =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);

    private static async Task<IResult> Review(ReviewProgressReport handler, int id, ReviewProgressReport.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> Attachment(GetReportAttachment handler, int id, int attachmentId, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, attachmentId, ct);
        return result.IsSuccess
            ? TypedResults.Stream(result.Value!.Content, result.Value.ContentType, result.Value.FileName)
            : result.Error!.ToProblem();
    }

    private static async Task<IResult> Dashboard(GetPlanDashboard handler, int id, int? organizationId, int? groupId, AssignmentStatus? status, string? period, CancellationToken ct) =>
        (await handler.HandleAsync(id, new DashboardFilter(organizationId, groupId, status, period), ct)).ToHttp();

    private static async Task<IResult> DashboardCsv(GetPlanDashboard handler, int id, int? organizationId, int? groupId, AssignmentStatus? status, CancellationToken ct)
    {
        var rows = await handler.RowsAsync(id, new DashboardFilter(organizationId, groupId, status), ct);
        if (!rows.IsSuccess)
        {
            return rows.Error!.ToProblem();
        }

        var file = CsvExport.File(rows.Value!, $"plan-{id}-assignments.csv");
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    private static async Task<IResult> Subordinate(CreateSubordinatePlan handler, int id, CreateSubordinatePlan.Input input, CancellationToken ct)
    {
        var result = await handler.HandleAsync(id, input, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/plans/{result.Value}", new { id = result.Value }) : result.Error!.ToProblem();
    }

    private static async Task<IResult> CarriedDown(ListCarriedDown handler, int id, CancellationToken ct) =>
        TypedResults.Ok((await handler.HandleAsync(id, ct)).SelectMany(g => g).ToList());

    private static async Task<IResult> Settings(UpdatePlanSettings handler, int id, UpdatePlanSettings.Input input, CancellationToken ct) =>
        (await handler.HandleAsync(id, input, ct)).ToHttp();

    private static async Task<IResult> YearlyReport(ExportPlanReport handler, int id, int year, CancellationToken ct) =>
        Download(await handler.HandleAsync(id, year, ct));

    private static async Task<IResult> TasksWorkbook(ExportPlanTasks handler, int id, CancellationToken ct) =>
        Download(await handler.HandleAsync(id, ct));

    private static IResult Download(Result<GeneratedFile> file) =>
        file.IsSuccess ? TypedResults.File(file.Value!.Content, file.Value.ContentType, file.Value.FileName) : file.Error!.ToProblem();
}
