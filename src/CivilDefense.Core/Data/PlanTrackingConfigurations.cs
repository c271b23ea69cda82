using CivilDefense.Core.Plans.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Plan tracking (issue #3): reminders raised before deadlines.

internal sealed class PlanReminderConfiguration : IEntityTypeConfiguration<PlanReminder>
{
    public void Configure(EntityTypeBuilder<PlanReminder> b)
    {
        b.ToTable("plan_reminders");
        b.Property(r => r.Slot).HasMaxLength(20);
        b.HasOne(r => r.Assignment).WithMany().HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AssignmentId, r.Slot }).IsUnique();
    }
}
