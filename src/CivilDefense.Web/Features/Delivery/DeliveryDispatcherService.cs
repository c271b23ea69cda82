using CivilDefense.Core.Alerts.Delivery;
using CivilDefense.Core.Data;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.Delivery;

/// <summary>
/// Runs the delivery dispatcher for the life of the host. Several hosts may run it on one
/// PostgreSQL database: claims skip each other's rows. On shutdown it stops claiming and lets the
/// sends in progress finish and be recorded; after a crash, other dispatchers (or this one on
/// restart) resume its rows when their lease expires.
/// </summary>
public sealed class DeliveryDispatcherService(IOptions<DeliveryOptions> options, DatabaseOptions database, TimeProvider clock, ILogger<DeliveryDispatcherService> log, AlertBoard.AcknowledgementLinks links)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Dispatcher.Enabled || settings.Channels.Count == 0)
        {
            log.LogInformation("The delivery dispatcher is off (disabled, or no channel configured).");
            return;
        }

        await using var store = OutboxStores.Open(database);
        var dispatcher = new DeliveryDispatcher(store, DeliveryChannels.Create(settings, clock), settings.Dispatcher, clock, log, links.Render);
        log.LogInformation("Delivery dispatcher {Worker} started for channels {Channels}.", dispatcher.WorkerId, string.Join(", ", settings.Channels.Keys));
        await dispatcher.RunAsync(stoppingToken);
        log.LogInformation("Delivery dispatcher {Worker} stopped: {Sent} sent, {Retried} retried, {Failed} failed, {Dead} dead.",
            dispatcher.WorkerId, dispatcher.Counters.Sent, dispatcher.Counters.Retried, dispatcher.Counters.Failed, dispatcher.Counters.Dead);
    }
}
