using CivilDefense.Core.Alerts.Feeds;
using CivilDefense.Core.Alerts.Issuing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

internal sealed class IssuedAlertConfiguration : IEntityTypeConfiguration<IssuedAlert>
{
    public void Configure(EntityTypeBuilder<IssuedAlert> b)
    {
        b.ToTable("issued_alerts");
        b.Property(a => a.Identifier).HasMaxLength(200);
        b.Property(a => a.Sender).HasMaxLength(200);
        b.Property(a => a.UnitPath).HasMaxLength(200);
        b.Property(a => a.SentText).HasMaxLength(64);
        b.Property(a => a.References).HasMaxLength(8000);
        b.Property(a => a.Note).HasMaxLength(1000);
        b.Property(a => a.CreatedBy).HasMaxLength(200);
        b.Property(a => a.IssuedBy).HasMaxLength(200);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Areas);
        b.Ignore(a => a.Texts);
        b.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IssuedAlert>().WithMany().HasForeignKey(a => a.ReplacesId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReceivedAlert>().WithMany().HasForeignKey(a => a.RelayedFromId).OnDelete(DeleteBehavior.Restrict);
        // (sender, identifier) is unique for published messages; drafts have no identifier yet.
        b.HasIndex(a => new { a.Sender, a.Identifier }).IsUnique();
        b.HasIndex(a => new { a.UnitId, a.SentUtc });
        b.HasIndex(a => a.ChainId);
    }
}

internal sealed class NeighbourFeedConfiguration : IEntityTypeConfiguration<NeighbourFeed>
{
    public void Configure(EntityTypeBuilder<NeighbourFeed> b)
    {
        b.ToTable("neighbour_feeds");
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.UnitPath).HasMaxLength(200);
        b.Property(f => f.Url).HasMaxLength(2000);
        b.Property(f => f.LastOutcome).HasMaxLength(1000);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne(f => f.Unit).WithMany().HasForeignKey(f => f.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceivedAlertConfiguration : IEntityTypeConfiguration<ReceivedAlert>
{
    public void Configure(EntityTypeBuilder<ReceivedAlert> b)
    {
        b.ToTable("received_alerts");
        b.Property(r => r.Sender).HasMaxLength(200);
        b.Property(r => r.UnitPath).HasMaxLength(200);
        b.Property(r => r.Identifier).HasMaxLength(200);
        b.Property(r => r.SentText).HasMaxLength(64);
        b.Property(r => r.SentKey).HasMaxLength(64);
        b.Property(r => r.Status).HasMaxLength(32);
        b.Property(r => r.MessageType).HasMaxLength(32);
        b.Property(r => r.Event).HasMaxLength(200);
        b.Property(r => r.Severity).HasMaxLength(32);
        b.Property(r => r.Headline).HasMaxLength(500);
        b.Property(r => r.Signature).HasMaxLength(32);
        b.Property(r => r.SourceUrl).HasMaxLength(2000);
        b.HasOne(r => r.Feed).WithMany().HasForeignKey(r => r.FeedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Geography.AdministrativeUnit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The dedupe key: one copy per province of each (sender, identifier, sent).
        b.HasIndex(r => new { r.UnitId, r.Sender, r.Identifier, r.SentKey }).IsUnique();
        b.HasIndex(r => r.SentUtc);
    }
}
