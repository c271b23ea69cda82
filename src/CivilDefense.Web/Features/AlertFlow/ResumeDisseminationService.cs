using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Dissemination;
using CivilDefense.Web.Platform;
using Microsoft.Extensions.Options;

namespace CivilDefense.Web.Features.AlertFlow;

/// <summary>
/// Queues, as the system, published alerts whose queueing failed or never ran
/// (<see cref="ResumeDissemination"/>); a failed round is tried again at the next interval.
/// </summary>
public sealed class ResumeDisseminationService(IServiceScopeFactory scopes, IOptions<AutoIssueOptions> options, TimeProvider clock, ILogger<ResumeDisseminationService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ResumeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                foreach (var resumed in await scope.ServiceProvider.GetRequiredService<ResumeDissemination>().RunAsync(stoppingToken))
                {
                    if (resumed.Problem is { } problem)
                    {
                        log.LogWarning("Alert {Alert} is published but its deliveries could not be queued: {Problem}", resumed.IssuedAlertId, problem);
                    }
                    else
                    {
                        log.LogWarning("Alert {Alert} was published without its deliveries; queued {Queued} now.", resumed.IssuedAlertId, resumed.Report!.Queued);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Resuming the dissemination of published alerts failed; trying again at the next interval.");
            }
        }
    }
}
