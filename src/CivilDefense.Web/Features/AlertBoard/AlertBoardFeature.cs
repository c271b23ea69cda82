using System.Text.Json;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Core.Alerts.Delivery.Channels;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// Acknowledgement of alerts (link page and API), escalation of the unacknowledged, and the live
/// delivery board of an alert (page, JSON snapshot, Server-Sent Events, CSV).
/// </summary>
public static class AlertBoardFeature
{
    public static void AddAlertBoard(IServiceCollection services)
    {
        services.AddOptions<AcknowledgementOptions>().BindConfiguration("Alerts")
            .Validate(o => o.Validate().Count == 0, "Alerts:AcknowledgeWithinMinutes or EscalationCheckSeconds is out of range.");
        services.AddScoped(sp => sp.GetRequiredService<IOptions<AcknowledgementOptions>>().Value);
        services.AddScoped<AcknowledgeAlert>();
        services.AddScoped<EscalateUnacknowledged>();
        services.AddScoped<DeliveryBoard>();
        services.AddSingleton<AcknowledgementLinks>();
        services.AddHostedService<EscalationService>();
    }

    public static void MapAlertBoardApi(RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alert board");

        // Any authenticated caller (an organisation's token has the liaison role); the handler checks the organisation.
        alerts.MapPost("/{id:int}/acknowledgements", async (AcknowledgeAlert handler, int id, AcknowledgementInput? input, CancellationToken ct) =>
        {
            var result = await handler.ByApiAsync(id, input, ct);
            return result.IsSuccess && !result.Value!.Repeated
                ? TypedResults.Created($"/api/v1/alerts/{id}/board", result.Value)
                : result.ToHttp();
        });
        alerts.MapGet("/{id:int}/board", async (DeliveryBoard board, int id, CancellationToken ct) => (await board.HandleAsync(id, ct)).ToHttp());
        alerts.MapGet("/{id:int}/board.csv", BoardCsv);
        alerts.MapGet("/{id:int}/board/events", BoardEvents.StreamAsync);
    }

    private static async Task<IResult> BoardCsv(DeliveryBoard board, int id, string? channel, string? commune, CancellationToken ct)
    {
        var result = await board.HandleAsync(id, ct);
        if (!result.IsSuccess)
        {
            return result.Error!.ToProblem();
        }

        var rows = BoardFilter.Apply(result.Value!.Rows, channel, commune).Select(r => new
        {
            Commune = r.UnitName ?? "",
            r.Channel,
            r.Counts.Targeted,
            r.Counts.Sent,
            r.Counts.Failed,
            r.Counts.Pending,
            r.Counts.Acknowledged,
        });
        var file = CsvExport.File(rows, $"bang-theo-doi-canh-bao-{id}.csv");
        return TypedResults.File(file.FileContents, file.ContentType, file.FileDownloadName);
    }

    /// <summary>JSON as the API writes it (camelCase, enums as text), for the SSE stream.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

/// <summary>The board's filter: by channel name and by commune name (part of it, any case).</summary>
public static class BoardFilter
{
    public static IEnumerable<BoardRow> Apply(IEnumerable<BoardRow> rows, string? channel, string? commune) =>
        rows.Where(r => (string.IsNullOrWhiteSpace(channel) || string.Equals(r.Channel, channel.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(commune) || (r.UnitName ?? "").Contains(commune.Trim(), StringComparison.CurrentCultureIgnoreCase)));
}

/// <summary>
/// The signed acknowledgement link of (alert, recipient), and the rendering the dispatcher applies
/// to every message: <c>{ack}</c> becomes a duty contact's link. Residents, and recipients that
/// are not subscribers (no integer key behind their id), get no link: the placeholder is dropped.
/// </summary>
public sealed class AcknowledgementLinks(SubscriberKeys keys, IOptions<AcknowledgementOptions> options, IOptions<Core.Alerts.Issuing.AlertsOptions> alerts)
{
    public string? UrlFor(Guid alertId, Guid recipientId)
    {
        if (DeliveryIdentities.IssuedAlertId(alertId) is not { } alert || DeliveryIdentities.SubscriberId(recipientId) is not { } subscriber)
        {
            return null;
        }

        var baseUrl = options.Value.PublicBaseUrl ?? alerts.Value.PublicBaseUrl ?? new Uri("http://localhost/");
        return new Uri(baseUrl, "/ack/" + keys.AcknowledgeToken(alert, subscriber)).ToString();
    }

    public OutgoingMessage Render(OutgoingMessage message) => MessageRendering.Render(message, UrlFor);
}
