using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using CivilDefense.Core.Readiness;
using CivilDefense.Web.Platform;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.ReadinessScore;

/// <summary>
/// Once a night (02:00 UTC, 09:00 in Vietnam, after the day's counts) records every province's
/// commune scores as the system, so the trend has a point per day even when nobody looks.
/// Disabled with Ptds:ReadinessSnapshots=false (tests, benchmarks).
/// </summary>
public sealed class NightlySnapshots(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<NightlySnapshots> log) : BackgroundService
{
    public static readonly TimeSpan RunAt = TimeSpan.FromHours(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Ptds:ReadinessSnapshots", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = now.Date + RunAt;
            if (next <= now)
            {
                next = next.AddDays(1);
            }

            await Task.Delay(next - now, clock, stoppingToken);
            try
            {
                await RecordAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Nightly readiness snapshots failed; the next night tries again.");
            }
        }
    }

    private async Task RecordAllAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpActorAccessor>().Override = Actor.System;
        var db = scope.ServiceProvider.GetRequiredService<PtdsDbContext>();
        var provinces = await db.Units.AsNoTracking().Where(u => u.Level == 1 && u.ValidTo == null).Select(u => u.Id).ToListAsync(ct);
        var record = scope.ServiceProvider.GetRequiredService<RecordSnapshots>();
        foreach (var province in provinces)
        {
            await record.HandleAsync(province, "nightly", ct);
            db.ChangeTracker.Clear();
        }

        log.LogInformation("Nightly readiness snapshots recorded for {Provinces} provinces.", provinces.Count);
    }
}
