using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Plans;
using CivilDefense.Core.Readiness;
using CivilDefense.Core.Resources;
using CivilDefense.Core.Shelters;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Data;

/// <summary>
/// The one EF model, on SQLite or PostgreSQL. Reads are filtered to the actor's subtree by query
/// filters; writes are checked and audited in <see cref="SaveChangesAsync(bool, CancellationToken)"/>
/// (see WriteGuard), so scoping and audit live in one place and no handler can forget them.
/// </summary>
public sealed partial class PtdsDbContext(DbContextOptions<PtdsDbContext> options, IActorAccessor actors, TimeProvider clock)
    : DbContext(options)
{
    public DbSet<AdministrativeUnit> Units => Set<AdministrativeUnit>();

    public DbSet<UnitSuccession> UnitSuccessions => Set<UnitSuccession>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OrganizationContact> OrganizationContacts => Set<OrganizationContact>();

    public DbSet<CommandBoard> CommandBoards => Set<CommandBoard>();

    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();

    public DbSet<DutyShift> DutyShifts => Set<DutyShift>();

    public DbSet<User> Users => Set<User>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<PlanRevision> PlanRevisions => Set<PlanRevision>();

    public DbSet<PlanSection> PlanSections => Set<PlanSection>();

    public DbSet<PlanTaskGroup> PlanTaskGroups => Set<PlanTaskGroup>();

    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();

    public DbSet<PlanTaskBody> PlanTaskBodies => Set<PlanTaskBody>();

    public DbSet<PlanAssignment> PlanAssignments => Set<PlanAssignment>();

    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();

    public DbSet<ReportAttachment> ReportAttachments => Set<ReportAttachment>();

    public DbSet<BodyAlias> BodyAliases => Set<BodyAlias>();

    public DbSet<ReadinessNorm> ReadinessNorms => Set<ReadinessNorm>();

    public DbSet<UnitHazardProfile> UnitHazardProfiles => Set<UnitHazardProfile>();

    public DbSet<ReadinessSnapshot> ReadinessSnapshots => Set<ReadinessSnapshot>();

    public DbSet<Force> Forces => Set<Force>();

    public DbSet<ForceSkill> ForceSkills => Set<ForceSkill>();

    public DbSet<EquipmentType> EquipmentTypes => Set<EquipmentType>();

    public DbSet<EquipmentLot> EquipmentLots => Set<EquipmentLot>();

    public DbSet<SupplyStock> SupplyStocks => Set<SupplyStock>();

    public DbSet<LogisticsPoint> LogisticsPoints => Set<LogisticsPoint>();

    public DbSet<Shelter> Shelters => Set<Shelter>();

    public DbSet<StockCount> StockCounts => Set<StockCount>();

    public DbSet<StockCountLine> StockCountLines => Set<StockCountLine>();

    public DbSet<Plans.Tracking.PlanReminder> PlanReminders => Set<Plans.Tracking.PlanReminder>();

    public Actor Actor => actors.Current;

    public TimeProvider Clock => clock;

    /// <summary>Units as plan filters read them: unfiltered, so a plan's unit above the actor's subtree still counts.</summary>
    private IQueryable<AdministrativeUnit> PlanUnits => Set<AdministrativeUnit>().IgnoreQueryFilters();

    /// <summary>The actor's subtree root, read by the query filters per query (null: unrestricted).</summary>
    private string? ScopePath => actors.Current.UnitPath;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PtdsDbContext).Assembly);

        // Scope filters: a record is visible when its unit lies in the actor's subtree.
        modelBuilder.Entity<AdministrativeUnit>().HasQueryFilter(u => ScopePath == null || u.Path.StartsWith(ScopePath));
        modelBuilder.Entity<UnitSuccession>().HasQueryFilter(s => ScopePath == null || s.Successor.Path.StartsWith(ScopePath) || s.Predecessor.Path.StartsWith(ScopePath));
        modelBuilder.Entity<Organization>().HasQueryFilter(o => ScopePath == null || o.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<OrganizationContact>().HasQueryFilter(c => ScopePath == null || c.Organization.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<CommandBoard>().HasQueryFilter(b => ScopePath == null || b.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<BoardMember>().HasQueryFilter(m => ScopePath == null || m.Board.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<DutyShift>().HasQueryFilter(s => ScopePath == null || s.Board.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<User>().HasQueryFilter(u => ScopePath == null || u.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<ApiToken>().HasQueryFilter(t => ScopePath == null || t.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(a => ScopePath == null || a.UnitPath.StartsWith(ScopePath));

        // A plan is read by its own unit's subtree, which carries it out, and by the units above,
        // which direct it. Assignments and their reports are read where the body sits and by the plan's unit.
        // Plans carry their unit's path (see Plan.UnitPath): the unit itself is out of sight below it.
        modelBuilder.Entity<Plan>().HasQueryFilter(p => ScopePath == null || p.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(p.UnitPath));
        modelBuilder.Entity<PlanRevision>().HasQueryFilter(r => ScopePath == null || r.Plan.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(r.Plan.UnitPath));
        modelBuilder.Entity<PlanSection>().HasQueryFilter(s => ScopePath == null || s.Plan.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(s.Plan.UnitPath));
        modelBuilder.Entity<PlanTaskGroup>().HasQueryFilter(g => ScopePath == null || g.Plan.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(g.Plan.UnitPath));
        modelBuilder.Entity<PlanTask>().HasQueryFilter(t => ScopePath == null || t.Plan.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(t.Plan.UnitPath));
        modelBuilder.Entity<PlanTaskBody>().HasQueryFilter(b => ScopePath == null || b.Task.Plan.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(b.Task.Plan.UnitPath));
        modelBuilder.Entity<PlanAssignment>().HasQueryFilter(a => ScopePath == null || a.Unit.Path.StartsWith(ScopePath) || a.Task.Plan.UnitPath.StartsWith(ScopePath));
        modelBuilder.Entity<ProgressReport>().HasQueryFilter(r => ScopePath == null || r.Assignment.Unit.Path.StartsWith(ScopePath) || r.Assignment.Task.Plan.UnitPath.StartsWith(ScopePath));
        modelBuilder.Entity<ReportAttachment>().HasQueryFilter(x => ScopePath == null || x.Report.Assignment.Unit.Path.StartsWith(ScopePath) || x.Report.Assignment.Task.Plan.UnitPath.StartsWith(ScopePath));
        modelBuilder.Entity<BodyAlias>().HasQueryFilter(a => ScopePath == null || a.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<Plans.Tracking.PlanReminder>().HasQueryFilter(r => ScopePath == null || r.Assignment.Unit.Path.StartsWith(ScopePath) || r.Assignment.Task.Plan.UnitPath.StartsWith(ScopePath));

        // Norms are set above the units they apply to: a commune reads its province's norms too.
        modelBuilder.Entity<ReadinessNorm>().HasQueryFilter(n => ScopePath == null || n.UnitPath.StartsWith(ScopePath) || ScopePath.StartsWith(n.UnitPath));
        modelBuilder.Entity<UnitHazardProfile>().HasQueryFilter(h => ScopePath == null || h.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<ReadinessSnapshot>().HasQueryFilter(s => ScopePath == null || s.Unit.Path.StartsWith(ScopePath));

        // Readiness registry (the equipment catalogue is national reference data, read by all).
        modelBuilder.Entity<Force>().HasQueryFilter(f => ScopePath == null || f.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<ForceSkill>().HasQueryFilter(s => ScopePath == null || s.Force.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<EquipmentLot>().HasQueryFilter(l => ScopePath == null || l.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<SupplyStock>().HasQueryFilter(s => ScopePath == null || s.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<LogisticsPoint>().HasQueryFilter(p => ScopePath == null || p.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<Shelter>().HasQueryFilter(s => ScopePath == null || s.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<StockCount>().HasQueryFilter(c => ScopePath == null || c.Unit.Path.StartsWith(ScopePath));
        modelBuilder.Entity<StockCountLine>().HasQueryFilter(l => ScopePath == null || l.StockCount.Unit.Path.StartsWith(ScopePath));

        ConfigureMonitoringFilters(modelBuilder);
        // Deliveries carry people's phone numbers and addresses: read where the recipient's commune lies.
        modelBuilder.Entity<Alerts.Delivery.Delivery>().HasQueryFilter(d => ScopePath == null || Units.Any(u => u.Id == d.UnitId && u.Path.StartsWith(ScopePath)));
        FilterSubscribers(modelBuilder);
        ConfigureAlertFilters(modelBuilder);
        FilterAcknowledgements(modelBuilder);
    }
}
