using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Plans.Tracking;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Plans;

/// <summary>
/// Raises plan reminders every hour as the system, the first sweep a minute after start-up (at
/// start-up itself it competed with the first requests and slowed readiness by about a second).
/// The work is in <see cref="RaisePlanReminders"/>, which the tests call directly; this only keeps time.
/// </summary>
public sealed class PlanReminderService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<PlanReminderService> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public static readonly TimeSpan FirstSweepAfter = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using (var first = new PeriodicTimer(FirstSweepAfter, clock))
        {
            if (!await first.WaitForNextTickAsync(stoppingToken))
            {
                return;
            }
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                var db = scope.ServiceProvider.GetRequiredService<PtdsDbContext>();
                var raised = await new RaisePlanReminders(db).HandleAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (raised > 0)
                {
                    log.LogInformation("Raised {Count} plan reminders.", raised);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed sweep (database not ready yet, a lock) is retried at the next tick.
                log.LogWarning(e, "Raising plan reminders failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
