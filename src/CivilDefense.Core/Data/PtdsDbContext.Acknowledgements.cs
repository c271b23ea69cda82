using CivilDefense.Core.Alerts.Acknowledgements;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

/// <summary>
/// Acknowledgements and escalations of alerts (issue 5). Both are written with raw SQL
/// (insert-if-absent under a unique index, with an explicit audit entry), so they have no
/// write-guard rule; the handlers check the signed link or the caller's rights first.
/// </summary>
public sealed partial class PtdsDbContext
{
    public DbSet<AlertAcknowledgement> AlertAcknowledgements => Set<AlertAcknowledgement>();

    public DbSet<AlertEscalation> AlertEscalations => Set<AlertEscalation>();

    /// <summary>An acknowledgement is seen where the organisation's unit lies, like its contacts.</summary>
    private void FilterAcknowledgements(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<AlertAcknowledgement>().HasQueryFilter(a => ScopePath == null || Units.Any(u => u.Id == a.UnitId && u.Path.StartsWith(ScopePath)));
}
