using CivilDefense.Core.Alerts.Subscribers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Alert subscribers (migration 0007).

internal sealed class SubscriberConfiguration : IEntityTypeConfiguration<Subscriber>
{
    public void Configure(EntityTypeBuilder<Subscriber> b)
    {
        b.ToTable("subscribers");
        b.Property(s => s.Name).HasMaxLength(Subscriber.MaxNameLength);
        b.Property(s => s.Phone).HasMaxLength(30);
        b.Property(s => s.Email).HasMaxLength(250);
        b.Property(s => s.Language).HasMaxLength(8);
        b.Property(s => s.WebhookUrl).HasMaxLength(500);
        b.Property(s => s.ConfirmationHash).HasMaxLength(64);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.IsRecipient);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.UnitId, s.Status });
        b.HasIndex(s => new { s.OrganizationId, s.ContactOrder });
        b.HasIndex(s => s.Phone);
        b.HasIndex(s => s.Email);
        // MAX(updated_at) with the row count is the targeting index's staleness check.
        b.HasIndex(s => s.UpdatedAt);
    }
}
