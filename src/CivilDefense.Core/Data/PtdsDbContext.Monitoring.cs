using CivilDefense.Core.Access;
using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using AlarmLevelsRecord = CivilDefense.Core.Monitoring.StationAlarmLevels;

namespace CivilDefense.Core.Data;

/// <summary>Monitoring (issue 5): stations, alarm levels, observations, risk rules, draft warnings.</summary>
public sealed partial class PtdsDbContext
{
    public DbSet<Station> Stations => Set<Station>();

    public DbSet<StationAlarmLevels> StationAlarmLevels => Set<StationAlarmLevels>();

    public DbSet<Observation> Observations => Set<Observation>();

    public DbSet<RiskRule> RiskRules => Set<RiskRule>();

    public DbSet<DraftWarning> DraftWarnings => Set<DraftWarning>();

    public DbSet<StationWarningState> StationWarningStates => Set<StationWarningState>();

    /// <summary>A station and what hangs off it are seen in its unit's subtree; rules, like norms, also below their owner.</summary>
    private void ConfigureMonitoringFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Station>().HasQueryFilter(s => ScopePath == null || s.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<StationAlarmLevels>().HasQueryFilter(a => ScopePath == null || a.Station.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<Observation>().HasQueryFilter(o => ScopePath == null || Stations.Any(s => s.Id == o.StationId && s.Unit.Path.StartsWith(ScopePath)));
        modelBuilder.Entity<StationWarningState>().HasQueryFilter(s => ScopePath == null || s.Station.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<DraftWarning>().HasQueryFilter(d => ScopePath == null || d.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<RiskRule>().HasQueryFilter(r => ScopePath == null || r.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(r.UnitPath));
    }

    /// <summary>Stations, alarm levels and drafts belong to the station's unit; a rule to its owner, whose path it copies.</summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)> DescribeMonitoringAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case Station:
                return (Resource.Monitoring, await PathsAsync(entry, nameof(Station.UnitId), ct), null);
            case AlarmLevelsRecord:
                return (Resource.Monitoring, [await StationUnitPathAsync(KeyValue(entry, nameof(AlarmLevelsRecord.StationId)), ct)], null);
            case DraftWarning:
                return (Resource.Monitoring, await PathsAsync(entry, nameof(DraftWarning.UnitId), ct), null);
            case RiskRule rule:
                var paths = await PathsAsync(entry, nameof(RiskRule.UnitId), ct);
                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    // The copied owner path is what the scope filter reads; it is never taken from the client.
                    rule.UnitPath = paths[^1];
                }

                return (Resource.RiskRules, paths, null);
            default:
                throw new InvalidOperationException($"Monitoring records of type {entry.Metadata.ClrType.Name} are not written through the change tracker.");
        }
    }

    private async Task<string> StationUnitPathAsync(int stationId, CancellationToken ct)
    {
        var local = Tracked<Station>(stationId);
        return local is not null
            ? await UnitPathAsync(KeyValue(local, nameof(Station.UnitId)), ct)
            : await Stations.IgnoreQueryFilters().Where(s => s.Id == stationId).Select(s => s.Unit.Path).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The station does not exist.");
    }
}
