using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Acknowledgements;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertBoard;

/// <summary>
/// Runs the escalation step as the system every Alerts:EscalationCheckSeconds. The work, and
/// what makes it safe to run on several hosts at once, is in <see cref="EscalateUnacknowledged"/>.
/// </summary>
public sealed class EscalationService(IServiceScopeFactory scopes, IOptions<AcknowledgementOptions> options, TimeProvider clock, ILogger<EscalationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.EscalationCheckSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                var run = await scope.ServiceProvider.GetRequiredService<EscalateUnacknowledged>().RunAsync(stoppingToken);
                if (run.Escalated > 0)
                {
                    log.LogInformation("Escalated {Organizations} unacknowledged organisation(s); {Deliveries} deliveries queued.", run.Escalated, run.DeliveriesQueued);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database not ready, a lock) is tried again at the next tick.
                log.LogWarning(e, "Escalating unacknowledged alerts failed.");
            }
        }
    }
}
