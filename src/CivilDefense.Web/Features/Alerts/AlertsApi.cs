using CivilDefense.Core.Alerts;
using CivilDefense.Core.Alerts.Cap;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// Alerts under /api/v1/alerts: the list (issued and received) and its CSV, compose, preview,
/// issue, update and cancel; received alerts and their relay; neighbour feeds and polling.
/// The public CAP files and the Atom feed are in <see cref="PublicCapEndpoints"/>.
/// </summary>
public static class AlertsApi
{
    public static void AddAlerts(IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration("Alerts");
        services.AddOptions<FeedPollOptions>().BindConfiguration("Alerts:Polling");
        services.AddScoped(sp => sp.GetRequiredService<IOptions<AlertsOptions>>().Value);
        services.AddScoped(sp => sp.GetRequiredService<IOptions<FeedPollOptions>>().Value);
        services.AddScoped<AlertDesk>();
        services.AddScoped<AlertRegister>();
        services.AddScoped<ManageFeeds>();
        services.AddHttpClient<FeedPoller>(c => c.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                MaxAutomaticRedirections = 3,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                ConnectCallback = FeedAddresses.Connector(sp.GetRequiredService<IOptions<FeedPollOptions>>().Value.AllowPrivateAddresses),
            });
        services.AddHostedService<FeedPollingService>();
    }

    public static void MapAlertsApi(RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("", List);
        api.MapGet("/alerts.csv", Csv).WithTags("Alerts");
        alerts.MapGet("/map", AlertMap.GeoJsonAsync);
        alerts.MapGet("/{id:int}", (AlertDesk desk, int id, CancellationToken ct) => desk.GetAsync(id, ct).ContinueWith(t => t.Result.ToHttp(), ct));
        alerts.MapPost("", Create).RequireAuthorization(Policies.Editor);
        alerts.MapPut("/{id:int}", async (AlertDesk desk, int id, AlertInput input, CancellationToken ct) => (await desk.EditDraftAsync(id, input, ct)).ToHttp()).RequireAuthorization(Policies.Editor);
        alerts.MapGet("/{id:int}/preview", async (AlertDesk desk, HttpRequest request, int id, CancellationToken ct) => (await desk.PreviewAsync(id, PublicCapEndpoints.BaseUrl(request), ct)).ToHttp());
        alerts.MapPost("/{id:int}/issue", async (AlertDesk desk, HttpRequest request, int id, CancellationToken ct) => (await desk.IssueAsync(id, PublicCapEndpoints.BaseUrl(request), ct)).ToHttp()).RequireAuthorization(Policies.Editor);
        alerts.MapPost("/{id:int}/update", async (AlertDesk desk, int id, AlertInput input, CancellationToken ct) => Created(await desk.DraftUpdateAsync(id, input, ct))).RequireAuthorization(Policies.Editor);
        alerts.MapPost("/{id:int}/cancel", async (AlertDesk desk, HttpRequest request, int id, CancelInput? input, CancellationToken ct) => Created(await desk.CancelAsync(id, input ?? new CancelInput(), PublicCapEndpoints.BaseUrl(request), ct))).RequireAuthorization(Policies.Editor);

        alerts.MapGet("/received/{id:int}", async (AlertRegister register, int id, CancellationToken ct) => (await register.GetReceivedAsync(id, ct)).ToHttp());
        alerts.MapPost("/received/{id:int}/relay", async (AlertDesk desk, int id, CancellationToken ct) => Created(await desk.RelayAsync(id, ct))).RequireAuthorization(Policies.Editor);

        alerts.MapGet("/feeds", async (ManageFeeds feeds, CancellationToken ct) => TypedResults.Ok(await feeds.ListAsync(ct)));
        alerts.MapPost("/feeds", async (ManageFeeds feeds, FeedInput input, CancellationToken ct) =>
        {
            var saved = await feeds.SaveAsync(null, input, ct);
            return saved.IsSuccess ? TypedResults.Created($"/api/v1/alerts/feeds/{saved.Value!.Id}", saved.Value) : saved.Error!.ToProblem();
        }).RequireAuthorization(Policies.Editor);
        alerts.MapPut("/feeds/{id:int}", async (ManageFeeds feeds, int id, FeedInput input, CancellationToken ct) => (await feeds.SaveAsync(id, input, ct)).ToHttp()).RequireAuthorization(Policies.Editor);
        alerts.MapDelete("/feeds/{id:int}", async (ManageFeeds feeds, int id, CancellationToken ct) =>
        {
            var deleted = await feeds.DeleteAsync(id, ct);
            return deleted.IsSuccess ? TypedResults.NoContent() : deleted.Error!.ToProblem();
        }).RequireAuthorization(Policies.Editor);
        alerts.MapPost("/feeds/{id:int}/poll", async (FeedPoller poller, int id, CancellationToken ct) => (await poller.PollAsync(id, ct)).ToHttp()).RequireAuthorization(Policies.Editor);
    }

    private static async Task<IResult> List(AlertRegister register, string? source, PtdsHazard? hazard, string? state, int? page, int? pageSize, CancellationToken ct)
    {
        var all = await register.ListAsync(new AlertListQuery(source, hazard, state), ct);
        var query = new Core.Common.PageQuery(page ?? 1, pageSize ?? 50);
        var items = all.Skip((query.SafePage - 1) * query.SafePageSize).Take(query.SafePageSize).ToList();
        return TypedResults.Ok(new Core.Common.Page<AlertListItem>(items, all.Count, query.SafePage, query.SafePageSize));
    }

    private static async Task<IResult> Csv(AlertRegister register, string? source, PtdsHazard? hazard, string? state, CancellationToken ct)
    {
        var file = CsvExport.File(await register.ListAsync(new AlertListQuery(source, hazard, state), ct), "canh-bao.csv");
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    private static async Task<IResult> Create(AlertDesk desk, AlertInput input, CancellationToken ct) => Created(await desk.CreateDraftAsync(input, ct));

    private static IResult Created(Core.Common.Result<AlertView> result) =>
        result.IsSuccess ? TypedResults.Created($"/api/v1/alerts/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
}
