using CivilDefense.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivilDefense.Core.Data;

// Plans, tasks, assignments and progress reports (issue #3); shapes as in EntityConfigurations.cs.

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Property(p => p.UnitPath).HasMaxLength(200);
        b.Property(p => p.Kind).HasMaxLength(100);
        b.Property(p => p.NumberSymbol).HasMaxLength(100);
        b.Property(p => p.Title).HasMaxLength(1000);
        b.Property(p => p.IssuingBody).HasMaxLength(300);
        b.Property(p => p.IssuedAt).HasMaxLength(200);
        b.Property(p => p.Signer).HasMaxLength(200);
        b.Property(p => p.SignerTitle).HasMaxLength(300);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.ParentPlan).WithMany().HasForeignKey(p => p.ParentPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.UnitId);
        b.HasIndex(p => p.UnitPath);
        b.HasIndex(p => p.NumberSymbol);
        b.HasIndex(p => p.ParentPlanId);
    }
}

internal sealed class PlanRevisionConfiguration : IEntityTypeConfiguration<PlanRevision>
{
    public void Configure(EntityTypeBuilder<PlanRevision> b)
    {
        b.ToTable("plan_revisions");
        b.Property(r => r.ImportedBy).HasMaxLength(200);
        b.Property(r => r.SourceName).HasMaxLength(300);
        b.Property(r => r.ContentHash).HasMaxLength(64);
        b.Property(r => r.Summary).HasMaxLength(4000);
        b.HasOne(r => r.Plan).WithMany(p => p.Revisions).HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("plan_sections");
        b.Property(s => s.Text).HasMaxLength(20000);
        b.Property(s => s.ReportsTo).HasMaxLength(500);
        b.Property(s => s.Frequency).HasMaxLength(100);
        b.HasOne(s => s.Plan).WithMany(p => p.Sections).HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => s.PlanId);
    }
}

internal sealed class PlanTaskGroupConfiguration : IEntityTypeConfiguration<PlanTaskGroup>
{
    public void Configure(EntityTypeBuilder<PlanTaskGroup> b)
    {
        b.ToTable("plan_task_groups");
        b.Property(g => g.Number).HasMaxLength(20);
        b.Property(g => g.Title).HasMaxLength(2000);
        b.HasOne(g => g.Plan).WithMany(p => p.Groups).HasForeignKey(g => g.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(g => g.PlanId);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.Property(t => t.Number).HasMaxLength(20);
        b.Property(t => t.Text).HasMaxLength(20000);
        b.Property(t => t.TimingText).HasMaxLength(500);
        b.Property(t => t.ReviewReason).HasMaxLength(500);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasOne(t => t.Plan).WithMany().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.Group).WithMany(g => g.Tasks).HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.ParentTask).WithMany().HasForeignKey(t => t.ParentTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.PlanId);
        b.HasIndex(t => t.GroupId);
        b.HasIndex(t => t.ParentTaskId);
    }
}

internal sealed class PlanTaskBodyConfiguration : IEntityTypeConfiguration<PlanTaskBody>
{
    public void Configure(EntityTypeBuilder<PlanTaskBody> b)
    {
        b.ToTable("plan_task_bodies");
        b.Property(x => x.Mention).HasMaxLength(2000);
        b.Property(x => x.MentionKey).HasMaxLength(2000);
        b.Property(x => x.Resolution).HasMaxLength(100);
        b.HasOne(x => x.Task).WithMany(t => t.Bodies).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TaskId);
        b.HasIndex(x => x.OrganizationId);
    }
}

internal sealed class PlanAssignmentConfiguration : IEntityTypeConfiguration<PlanAssignment>
{
    public void Configure(EntityTypeBuilder<PlanAssignment> b)
    {
        b.ToTable("plan_assignments");
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasOne(a => a.Task).WithMany(t => t.Assignments).HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TaskId, a.OrganizationId }).IsUnique();
        b.HasIndex(a => a.OrganizationId);
        b.HasIndex(a => a.UnitId);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> b)
    {
        b.ToTable("progress_reports");
        b.Property(r => r.Period).HasMaxLength(10);
        b.Property(r => r.Narrative).HasMaxLength(20000);
        b.Property(r => r.FiguresJson).HasMaxLength(4000);
        b.Property(r => r.SubmittedBy).HasMaxLength(200);
        b.Property(r => r.ReviewNote).HasMaxLength(4000);
        b.Property(r => r.ReviewedBy).HasMaxLength(200);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne(r => r.Assignment).WithMany(a => a.Reports).HasForeignKey(r => r.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.AssignmentId, r.Period });
    }
}

internal sealed class ReportAttachmentConfiguration : IEntityTypeConfiguration<ReportAttachment>
{
    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.ToTable("report_attachments");
        b.Property(a => a.FileName).HasMaxLength(255);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.Property(a => a.StoredName).HasMaxLength(64);
        b.HasOne(a => a.Report).WithMany(r => r.Attachments).HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.ReportId);
    }
}

internal sealed class BodyAliasConfiguration : IEntityTypeConfiguration<BodyAlias>
{
    public void Configure(EntityTypeBuilder<BodyAlias> b)
    {
        b.ToTable("body_aliases");
        b.Property(a => a.MentionKey).HasMaxLength(2000);
        b.Property(a => a.Mention).HasMaxLength(2000);
        b.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.UnitId);
    }
}
