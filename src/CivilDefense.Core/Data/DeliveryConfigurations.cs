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
        b.Property(d => d.Channel).HasMaxLength(64);
        b.Property(d => d.Address).HasMaxLength(500);
        b.Property(d => d.Language).HasMaxLength(16);
        b.Property(d => d.State).HasMaxLength(16);
        b.Property(d => d.LeaseOwner).HasMaxLength(100);
        b.Property(d => d.LastError).HasMaxLength(500);
        b.Ignore(d => d.IdempotencyKey);

        // No foreign keys (to units, or to the alert and subscriber tables being built alongside):
        // checking them would cost a lookup per row on a two-million-row COPY.
        // Each (alert, recipient, channel) once; also the board's and acknowledgement's lookup by alert.
        b.HasIndex(d => new { d.AlertId, d.RecipientId, d.Channel }).IsUnique();

        // What a claim reads: only unfinished rows are in it, so sent ones cost the claim nothing.
        b.HasIndex(d => d.NextAttemptAt).HasDatabaseName("IX_deliveries_due").HasFilter("\"State\" IN ('Queued', 'Retried', 'Sending')");
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
