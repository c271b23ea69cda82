using CivilDefense.Core.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Readiness norms, hazard profiles and score snapshots (migration 0004).

internal sealed class ReadinessNormConfiguration : IEntityTypeConfiguration<ReadinessNorm>
{
    public void Configure(EntityTypeBuilder<ReadinessNorm> b)
    {
        b.ToTable("readiness_norms");
        b.Property(n => n.MetricKey).HasMaxLength(64);
        b.Property(n => n.UnitPath).HasMaxLength(200);
        b.Property(n => n.MeasureUnit).HasMaxLength(32);
        b.Property(n => n.Source).HasMaxLength(1000);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasOne(n => n.Unit).WithMany().HasForeignKey(n => n.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.UnitId, n.Profile, n.MetricKey });
    }
}

internal sealed class UnitHazardProfileConfiguration : IEntityTypeConfiguration<UnitHazardProfile>
{
    public void Configure(EntityTypeBuilder<UnitHazardProfile> b)
    {
        b.ToTable("unit_hazard_profiles");
        b.Property(h => h.Basis).HasMaxLength(500);
        b.HasOne(h => h.Unit).WithMany().HasForeignKey(h => h.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.UnitId, h.Profile }).IsUnique();
    }
}

internal sealed class ReadinessSnapshotConfiguration : IEntityTypeConfiguration<ReadinessSnapshot>
{
    public void Configure(EntityTypeBuilder<ReadinessSnapshot> b)
    {
        b.ToTable("readiness_snapshots");
        b.Property(s => s.Trigger).HasMaxLength(16);
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UnitId, s.Day }).IsUnique();
    }
}
