using CivilDefense.Core.Access;
using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilDefense.Core.Data;

/// <summary>Alerts PTDS issues and receives: their sets, scope filters and write rules.</summary>
public sealed partial class PtdsDbContext
{
    public DbSet<IssuedAlert> IssuedAlerts => Set<IssuedAlert>();

    public DbSet<NeighbourFeed> NeighbourFeeds => Set<NeighbourFeed>();

    public DbSet<ReceivedAlert> ReceivedAlerts => Set<ReceivedAlert>();

    /// <summary>
    /// A province's alerts are read in its whole subtree (a commune reads the alerts that cover it)
    /// and by the units above; feeds and received alerts the same way.
    /// </summary>
    private void ConfigureAlertFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IssuedAlert>().HasQueryFilter(a => ScopePath == null || a.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(a.UnitPath));
        modelBuilder.Entity<NeighbourFeed>().HasQueryFilter(f => ScopePath == null || f.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(f.UnitPath));
        modelBuilder.Entity<ReceivedAlert>().HasQueryFilter(r => ScopePath == null || r.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(r.UnitPath));
    }

    /// <summary>Alerts are written by their province; feeds and what they bring by the province too.</summary>
    /// The copied unit path the scope filter reads is set here, never taken from the client.
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)?> DescribeAlertRecordAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case IssuedAlert alert:
                var paths = await PathsAsync(entry, nameof(IssuedAlert.UnitId), ct);
                alert.UnitPath = paths[^1];
                return (Resource.Alerts, paths, null);
            case NeighbourFeed feed:
                var feedPaths = await PathsAsync(entry, nameof(NeighbourFeed.UnitId), ct);
                feed.UnitPath = feedPaths[^1];
                return (Resource.AlertFeeds, feedPaths, null);
            case ReceivedAlert received:
                received.UnitPath = await UnitPathAsync(received.UnitId, ct);
                return (Resource.AlertFeeds, [received.UnitPath], null);
            default:
                return null;
        }
    }
}
