using CivilDefense.Core.Alerts.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// The delivery outbox and the alert texts it sends (migration 0008). Rows are written and
// updated with raw SQL (bulk COPY, claims); EF maps them for reading (delivery board, reports).

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("deliveries");
        b.HasKey(d => new { d.AlertId, d.RecipientId, d.Channel });
        b.Property(d => d.Channel).HasMaxLength(64);
        b.Property(d => d.Address).HasMaxLength(500);
        b.Property(d => d.Language).HasMaxLength(16);
        b.Property(d => d.State).HasMaxLength(16);
        b.Property(d => d.LeaseOwner).HasMaxLength(100);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.Ignore(d => d.IdempotencyKey);
        b.Ignore(d => d.Key);

        // No foreign keys (to units, or to the alert and subscriber tables being built alongside):
        // checking them would cost a lookup per row on a two-million-row COPY.
        // The primary key (each (alert, recipient, channel) once) is the only index every row is in:
        // also the board's and acknowledgement's lookup by alert, and the order queued rows are
        // claimed in. Retries waiting for their time are the only other rows indexed (migration 0014).
        b.HasIndex(d => new { d.Channel, d.RetryAt }).HasDatabaseName("IX_deliveries_retry").HasFilter("\"RetryAt\" IS NOT NULL");
    }
}

internal sealed class DeliveryAlertConfiguration : IEntityTypeConfiguration<DeliveryAlert>
{
    public void Configure(EntityTypeBuilder<DeliveryAlert> b)
    {
        b.ToTable("delivery_alerts");
        b.HasKey(a => a.AlertId);
    }
}

internal sealed class DeliveryMessageConfiguration : IEntityTypeConfiguration<DeliveryMessage>
{
    public void Configure(EntityTypeBuilder<DeliveryMessage> b)
    {
        b.ToTable("delivery_messages");
        b.Property(m => m.Channel).HasMaxLength(64);
        b.Property(m => m.Language).HasMaxLength(16);
        b.Property(m => m.Subject).HasMaxLength(500);
        b.HasIndex(m => new { m.AlertId, m.Channel, m.Language }).IsUnique();
    }
}
