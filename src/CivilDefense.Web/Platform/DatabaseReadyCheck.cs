using CivilDefense.Core.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivilDefense.Web.Platform;

/// <summary>Ready means the database answers and its schema is at the version this build expects.</summary>
public sealed class DatabaseReadyCheck(PtdsDbContext db, SchemaMigrator migrator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }

            var pending = await migrator.PendingVersionsAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Database reachable, schema up to date.")
                : HealthCheckResult.Unhealthy($"{pending.Count} schema migration(s) pending: run `ptds migrate`.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", e);
        }
    }
}
