using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Table and column shapes, kept to what both SQLite and PostgreSQL do well (ADR 0001).

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.ToTable("units");
        b.Property(u => u.Code).HasMaxLength(16);
        b.Property(u => u.Path).HasMaxLength(200);
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.NameEn).HasMaxLength(200);
        b.Property(u => u.FullName).HasMaxLength(250);
        b.Property(u => u.FullNameEn).HasMaxLength(250);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(u => u.Code);
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> b)
    {
        b.ToTable("unit_successions");
        b.Property(s => s.Note).HasMaxLength(500);
        b.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        b.HasIndex(s => s.SuccessorId);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.Property(o => o.Name).HasMaxLength(300);
        b.Property(o => o.ShortName).HasMaxLength(50);
        b.Property(o => o.Address).HasMaxLength(300);
        b.Property(o => o.Phone).HasMaxLength(50);
        b.Property(o => o.Email).HasMaxLength(200);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne(o => o.Unit).WithMany().HasForeignKey(o => o.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentOrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => o.UnitId);
    }
}

internal sealed class OrganizationContactConfiguration : IEntityTypeConfiguration<OrganizationContact>
{
    public void Configure(EntityTypeBuilder<OrganizationContact> b)
    {
        b.ToTable("organization_contacts");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Position).HasMaxLength(200);
        b.Property(c => c.Phone).HasMaxLength(50);
        b.Property(c => c.Email).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Organization).WithMany(o => o.Contacts).HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommandBoardConfiguration : IEntityTypeConfiguration<CommandBoard>
{
    public void Configure(EntityTypeBuilder<CommandBoard> b)
    {
        b.ToTable("command_boards");
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.EstablishingDecision).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.StandingAgency).WithMany().HasForeignKey(x => x.StandingAgencyId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> b)
    {
        b.ToTable("board_members");
        b.Property(m => m.FullName).HasMaxLength(200);
        b.Property(m => m.Position).HasMaxLength(300);
        b.Property(m => m.Phone).HasMaxLength(50);
        b.Property(m => m.Email).HasMaxLength(200);
        b.Property(m => m.Version).IsConcurrencyToken();
        b.HasOne(m => m.Board).WithMany(x => x.Members).HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.ToTable("duty_shifts");
        b.Property(s => s.Note).HasMaxLength(500);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne(s => s.Board).WithMany(x => x.DutyShifts).HasForeignKey(s => s.BoardId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.BoardId, s.StartsAt });
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.Property(u => u.UserName).HasMaxLength(100);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Email).HasMaxLength(200);
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.Property(u => u.Language).HasMaxLength(8);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(u => u.Organization).WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => u.UserName).IsUnique();
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.ToTable("api_tokens");
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.Prefix).HasMaxLength(20);
        b.Property(t => t.SecretHash).HasMaxLength(64);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.Unit).WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => t.Prefix).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(a => a.Actor).HasMaxLength(120);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(40);
        b.Property(a => a.UnitPath).HasMaxLength(200);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.UnitPath);
    }
}
