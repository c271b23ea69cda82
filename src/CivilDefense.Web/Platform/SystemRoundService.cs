using CivilDefense.Core.Access;

namespace CivilDefense.Web.Platform;

/// <summary>
/// A periodic round of work the host does as the system (escalation, automatic issue, resumed
/// dissemination): each round in its own scope acting as <see cref="Actor.System"/>, and a failed
/// round (database not ready, a lock) logged and tried again at the next tick, never ending the
/// service. What makes a round safe on several hosts at once is the work's own business.
/// </summary>
public abstract class SystemRoundService(IServiceScopeFactory scopes, TimeProvider clock, ILogger log) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log says when a round fails.</summary>
    protected abstract string FailureMessage { get; }

    protected abstract Task RunRoundAsync(IServiceProvider services, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                await RunRoundAsync(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Failure} Trying again at the next interval.", FailureMessage);
            }
        }
    }
}
