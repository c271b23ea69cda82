using CivilDefense.Core.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Monitoring: stations, alarm levels, observations, risk rules, draft warnings (migration 0006).

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> b)
    {
        b.ToTable("monitoring_stations");
        b.Property(s => s.Code).HasMaxLength(32);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.River).HasMaxLength(200);
        b.Property(s => s.CoordinateQuality).HasMaxLength(200);
        b.Property(s => s.Operator).HasMaxLength(200);
        b.Property(s => s.Variables).HasMaxLength(100);
        b.Property(s => s.Source).HasMaxLength(1000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => s.Code).IsUnique();
        b.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.IngestToken).WithMany().HasForeignKey(s => s.IngestTokenId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StationAlarmLevelsConfiguration : IEntityTypeConfiguration<StationAlarmLevels>
{
    public void Configure(EntityTypeBuilder<StationAlarmLevels> b)
    {
        b.ToTable("monitoring_alarm_levels");
        b.Property(a => a.Source).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Station).WithMany(s => s.AlarmLevels).HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> b)
    {
        b.ToTable(ObservationWriter.Table);
        // The natural key is the idempotency key: the upsert's ON CONFLICT target, and the index every series read uses.
        b.HasKey(o => new { o.StationId, o.ObservedAt, o.Variable });
        b.Property(o => o.Source).HasMaxLength(200);
        // No relationship (so no foreign key): see Observation.StationId; the scope filter joins the stations itself.
    }
}

internal sealed class RiskRuleConfiguration : IEntityTypeConfiguration<RiskRule>
{
    public void Configure(EntityTypeBuilder<RiskRule> b)
    {
        b.ToTable("monitoring_risk_rules");
        b.Property(r => r.UnitPath).HasMaxLength(200);
        b.Property(r => r.LegalSource).HasMaxLength(500);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.UnitId, r.Hazard });
    }
}

internal sealed class DraftWarningConfiguration : IEntityTypeConfiguration<DraftWarning>
{
    public void Configure(EntityTypeBuilder<DraftWarning> b)
    {
        b.ToTable("monitoring_draft_warnings");
        b.Property(d => d.ExplanationVi).HasMaxLength(2000);
        b.Property(d => d.ExplanationEn).HasMaxLength(2000);
        b.Property(d => d.ReviewNote).HasMaxLength(1000);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne(d => d.Station).WithMany().HasForeignKey(d => d.StationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Unit).WithMany().HasForeignKey(d => d.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.Status, d.RaisedAt });
        b.HasIndex(d => d.StationId);
        b.HasIndex(d => d.AlertId).IsUnique();
    }
}

internal sealed class StationWarningStateConfiguration : IEntityTypeConfiguration<StationWarningState>
{
    public void Configure(EntityTypeBuilder<StationWarningState> b)
    {
        b.ToTable("monitoring_warning_states");
        b.HasKey(s => s.StationId);
        b.Property(s => s.StationId).ValueGeneratedNever();
        b.HasOne(s => s.Station).WithOne().HasForeignKey<StationWarningState>(s => s.StationId).OnDelete(DeleteBehavior.Cascade);
    }
}
