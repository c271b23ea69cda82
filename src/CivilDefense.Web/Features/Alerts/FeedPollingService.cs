using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Data;
using CivilDefense.Web.Platform;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// Polls the neighbour feeds that are due (each on its own interval), as the system, checking
/// every minute. The work is in <see cref="FeedPoller"/>, which the tests and the "poll now"
/// button call directly; this only keeps time. One failing feed does not stop the others.
/// </summary>
public sealed class FeedPollingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FeedPollingService> log) : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                var due = await scope.ServiceProvider.GetRequiredService<ManageFeeds>().DueAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                foreach (var feedId in due)
                {
                    await using var feedScope = scopes.CreateAsyncScope();
                    feedScope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
                    var result = await feedScope.ServiceProvider.GetRequiredService<FeedPoller>().PollAsync(feedId, stoppingToken);
                    if (result.Value is { Failed: true } failed)
                    {
                        log.LogWarning("Polling feed {Feed} failed: {Outcome}", feedId, failed.Summary);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed round (database not ready, a lock) is retried at the next tick.
                log.LogWarning(e, "Polling neighbour feeds failed.");
            }
        }
    }
}
