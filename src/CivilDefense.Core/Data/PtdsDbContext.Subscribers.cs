using CivilDefense.Core.Alerts.Subscribers;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

/// <summary>Alert subscribers (issue 5): their set, scope filter and write rules.</summary>
public sealed partial class PtdsDbContext
{
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();

    /// <summary>A subscriber is seen by the subtree of its commune (or of its organisation's unit).</summary>
    private void FilterSubscribers(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Subscriber>().HasQueryFilter(s => ScopePath == null || s.Unit.Path.StartsWith(ScopePath));
}
