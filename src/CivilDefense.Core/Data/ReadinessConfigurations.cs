using CivilDefense.Core.Organizations;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Shelters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// The readiness registry (issue 4). Every table has an index led by UnitId: the readiness
// roll-up aggregates per unit over a million records, and the scope filter joins on it.

internal static class ReadinessColumns
{
    /// <summary>Unit and owner of a registry record: both restrict deletes, the index serves unit aggregation.</summary>
    public static void UnitAndOwner<T>(EntityTypeBuilder<T> b)
        where T : class, IUnitResource
    {
        b.HasOne<Geography.AdministrativeUnit>(nameof(Force.Unit)).WithMany().HasForeignKey(nameof(IUnitResource.UnitId)).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(nameof(IUnitResource.OwnerOrganizationId)).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(nameof(IUnitResource.OwnerOrganizationId));
        b.Property(nameof(Common.IVersioned.Version)).IsConcurrencyToken();
    }
}

internal sealed class ForceConfiguration : IEntityTypeConfiguration<Force>
{
    public void Configure(EntityTypeBuilder<Force> b)
    {
        b.ToTable("forces");
        ReadinessColumns.UnitAndOwner(b);
        b.Property(f => f.Name).HasMaxLength(250);
        b.Property(f => f.ContactName).HasMaxLength(200);
        b.Property(f => f.ContactPhone).HasMaxLength(50);
        b.Property(f => f.Note).HasMaxLength(1000);
        b.HasIndex(f => new { f.UnitId, f.Kind });
    }
}

internal sealed class ForceSkillConfiguration : IEntityTypeConfiguration<ForceSkill>
{
    public void Configure(EntityTypeBuilder<ForceSkill> b)
    {
        b.ToTable("force_skills");
        b.HasKey(s => new { s.ForceId, s.Skill });
        b.HasOne(s => s.Force).WithMany(f => f.Skills).HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EquipmentTypeConfiguration : IEntityTypeConfiguration<EquipmentType>
{
    public void Configure(EntityTypeBuilder<EquipmentType> b)
    {
        b.ToTable("equipment_types");
        b.Property(t => t.Code).HasMaxLength(32);
        b.Property(t => t.NameVi).HasMaxLength(200);
        b.Property(t => t.NameEn).HasMaxLength(200);
        b.Property(t => t.UnitOfMeasure).HasMaxLength(32);
        b.Property(t => t.CapacityUnit).HasMaxLength(32);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasIndex(t => t.Code).IsUnique();
    }
}

internal sealed class EquipmentLotConfiguration : IEntityTypeConfiguration<EquipmentLot>
{
    public void Configure(EntityTypeBuilder<EquipmentLot> b)
    {
        b.ToTable("equipment_lots");
        ReadinessColumns.UnitAndOwner(b);
        b.HasOne(l => l.EquipmentType).WithMany().HasForeignKey(l => l.EquipmentTypeId).OnDelete(DeleteBehavior.Restrict);
        b.Property(l => l.Location).HasMaxLength(300);
        b.Property(l => l.PrivateOwnerName).HasMaxLength(200);
        b.Property(l => l.PrivateOwnerPhone).HasMaxLength(50);
        b.Property(l => l.Note).HasMaxLength(1000);
        b.HasIndex(l => new { l.UnitId, l.EquipmentTypeId });
        b.HasIndex(l => l.EquipmentTypeId);
    }
}

internal sealed class SupplyStockConfiguration : IEntityTypeConfiguration<SupplyStock>
{
    public void Configure(EntityTypeBuilder<SupplyStock> b)
    {
        b.ToTable("supply_stocks");
        ReadinessColumns.UnitAndOwner(b);
        b.HasOne(s => s.StoragePoint).WithMany().HasForeignKey(s => s.StoragePointId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.ItemName).HasMaxLength(200);
        b.Property(s => s.UnitOfMeasure).HasMaxLength(32);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasIndex(s => new { s.UnitId, s.Category });
        b.HasIndex(s => s.StoragePointId);
    }
}

internal sealed class LogisticsPointConfiguration : IEntityTypeConfiguration<LogisticsPoint>
{
    public void Configure(EntityTypeBuilder<LogisticsPoint> b)
    {
        b.ToTable("logistics_points");
        ReadinessColumns.UnitAndOwner(b);
        b.Property(p => p.Name).HasMaxLength(250);
        b.Property(p => p.CapacityNote).HasMaxLength(300);
        b.HasIndex(p => new { p.UnitId, p.Kind });
    }
}

internal sealed class ShelterConfiguration : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> b)
    {
        b.ToTable("shelters");
        ReadinessColumns.UnitAndOwner(b);
        b.Property(s => s.Name).HasMaxLength(250);
        b.Property(s => s.OwnerName).HasMaxLength(250);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.Note).HasMaxLength(1000);
        b.HasIndex(s => new { s.UnitId, s.Kind });
    }
}

internal sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>
{
    public void Configure(EntityTypeBuilder<StockCount> b)
    {
        b.ToTable("stock_counts");
        b.HasOne(c => c.Unit).WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.SubmittedBy).HasMaxLength(200);
        b.Property(c => c.Note).HasMaxLength(1000);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => new { c.UnitId, c.CountedOn });
    }
}

internal sealed class StockCountLineConfiguration : IEntityTypeConfiguration<StockCountLine>
{
    public void Configure(EntityTypeBuilder<StockCountLine> b)
    {
        b.ToTable("stock_count_lines");
        b.HasOne(l => l.StockCount).WithMany(c => c.Lines).HasForeignKey(l => l.StockCountId).OnDelete(DeleteBehavior.Cascade);
        b.Property(l => l.ItemName).HasMaxLength(250);
        b.Property(l => l.UnitOfMeasure).HasMaxLength(32);
        b.Property(l => l.Note).HasMaxLength(500);
        b.HasIndex(l => l.StockCountId);
    }
}
