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
        modelBuilder.Entity<IssuedAlert>().HasQueryFilter(a => ScopePath == null || a.Unit.Path.StartsWith(ScopePath) || ScopePath.StartsWith(a.Unit.Path));
        modelBuilder.Entity<NeighbourFeed>().HasQueryFilter(f => ScopePath == null || f.Unit.Path.StartsWith(ScopePath) || ScopePath.StartsWith(f.Unit.Path));
        modelBuilder.Entity<ReceivedAlert>().HasQueryFilter(r => ScopePath == null || r.Feed.Unit.Path.StartsWith(ScopePath) || ScopePath.StartsWith(r.Feed.Unit.Path));
    }

    /// <summary>Alerts are written by their province; feeds and what they bring by the province too.</summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)?> DescribeAlertRecordAsync(EntityEntry entry, CancellationToken ct) =>
        entry.Entity switch
        {
            IssuedAlert => (Resource.Alerts, await PathsAsync(entry, nameof(IssuedAlert.UnitId), ct), null),
            NeighbourFeed => (Resource.AlertFeeds, await PathsAsync(entry, nameof(NeighbourFeed.UnitId), ct), null),
            ReceivedAlert received => (Resource.AlertFeeds, [await UnitPathAsync(received.UnitId, ct)], null),
            _ => null,
        };
}
