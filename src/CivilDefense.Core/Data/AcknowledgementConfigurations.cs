using CivilDefense.Core.Alerts.Acknowledgements;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Acknowledgements and escalations of alerts (migration 0011). Like the outbox they refer to the
// alert by its outbox GUID and carry no foreign key to it.

internal sealed class AlertAcknowledgementConfiguration : IEntityTypeConfiguration<AlertAcknowledgement>
{
    public void Configure(EntityTypeBuilder<AlertAcknowledgement> b)
    {
        b.ToTable("alert_acknowledgements");
        b.Property(a => a.By).HasMaxLength(200);

        // Once per organisation: the insert-if-absent that makes a second acknowledgement a no-op.
        b.HasIndex(a => new { a.AlertId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => new { a.AlertId, a.RecipientId });
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Alerts.Subscribers.Subscriber>().WithMany().HasForeignKey(a => a.SubscriberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AlertEscalationConfiguration : IEntityTypeConfiguration<AlertEscalation>
{
    public void Configure(EntityTypeBuilder<AlertEscalation> b)
    {
        b.ToTable("alert_escalations");

        // Each step once per organisation, however many escalation runs race.
        b.HasIndex(e => new { e.AlertId, e.OrganizationId, e.Step }).IsUnique();
        b.HasOne<Organizations.Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
