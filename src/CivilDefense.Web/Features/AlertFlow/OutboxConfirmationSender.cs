using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Alerts.Subscribers;
using CivilDefense.Web.Features.Alerts;
using CivilDefense.Web.Features.Subscribers;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.AlertFlow;

/// <summary>
/// Sends confirmation codes through the delivery outbox (SMS, else e-mail), in a scope of its own
/// acting as the system. Where no configured channel can reach the registrant, it falls back to
/// <see cref="LogConfirmationSender"/>, which says a code is waiting and shows it in Development only.
/// Nothing here writes the code to a log.
/// </summary>
public sealed partial class OutboxConfirmationSender(IServiceScopeFactory scopes, IHttpContextAccessor http, LogConfirmationSender fallback, ILogger<OutboxConfirmationSender> log)
    : IConfirmationSender
{
    public async Task SendAsync(ConfirmationMessage message, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
        var publicBase = http.HttpContext is { } context
            ? PublicCapEndpoints.BaseUrl(context.Request)
            : scope.ServiceProvider.GetRequiredService<AlertsOptions>().PublicBaseUrl;
        var result = await scope.ServiceProvider.GetRequiredService<QueueConfirmation>().HandleAsync(message, publicBase, ct);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("The confirmation code could not be queued: " + result.Error!.Message);
        }

        if (result.Value is { } channel)
        {
            Queued(message.SubscriberId, channel);
        }
        else
        {
            await fallback.SendAsync(message, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscriber {SubscriberId}: confirmation code queued on channel {Channel}.")]
    private partial void Queued(int subscriberId, string channel);
}
