using System.Text.Json;
using CivilDefense.Core.Access;
using CivilDefense.Core.Audit;
using CivilDefense.Core.CommandBoards;
using CivilDefense.Core.Common;
using CivilDefense.Core.Geography;
using CivilDefense.Core.Organizations;
using CivilDefense.Core.Readiness;
using CivilDefense.Core.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CivilDefense.Core.Data;

public sealed partial class PtdsDbContext
{
    /// <summary>Values not copied into the audit trail: secrets, and geometry too large to be useful there.</summary>
    private static readonly HashSet<string> MaskedProperties =
        [nameof(User.PasswordHash), nameof(ApiToken.SecretHash), nameof(AdministrativeUnit.Boundary), nameof(AdministrativeUnit.BoundarySimplified), nameof(Alerts.Subscribers.Subscriber.ConfirmationHash)];

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Every write goes through here: the actor's right to each change is checked, versions are
    /// bumped, new units get their tree path, and an audit entry per changed record is written
    /// in the same transaction.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (changes.Count == 0)
        {
            return 0;
        }

        // Lookups of tracked records go through an index built once per save: asking the change
        // tracker per record re-runs change detection each time, which made bulk imports quadratic.
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await GuardedSaveAsync(changes, acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            _trackedIndex = null;
        }
    }

    private Dictionary<(Type, int), EntityEntry>? _trackedIndex;

    private void IndexTracked() =>
        _trackedIndex = ChangeTracker.Entries()
            .Where(e => e.Metadata.FindProperty("Id")?.ClrType == typeof(int))
            .ToDictionary(e => (e.Metadata.ClrType, (int)e.Property("Id").CurrentValue!));

    private async Task<int> GuardedSaveAsync(List<EntityEntry> changes, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        IndexTracked();
        var pending = new List<PendingAudit>(changes.Count);
        foreach (var entry in changes)
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit trail is append-only.");
                }

                continue;
            }

            var unitPath = await AuthorizeAsync(entry, cancellationToken);
            if (entry.Entity is AdministrativeUnit changedUnit)
            {
                // The level follows from the kind; kept as a column so lists can filter on it.
                changedUnit.Level = UnitLevels.LevelOf(changedUnit.Kind);
            }

            if (entry is { State: EntityState.Added or EntityState.Modified, Entity: ReadinessNorm norm })
            {
                // The copied owner path is what the scope filter reads; it is never taken from the client.
                norm.UnitPath = await UnitPathAsync(norm.UnitId, cancellationToken);
            }

            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
            }

            pending.Add(new PendingAudit(entry, entry.State, entry.State == EntityState.Added ? null : Snapshot(entry, original: true), unitPath));
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            ChangeTracker.DetectChanges();
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (await AssignUnitPathsAsync(pending, cancellationToken))
            {
                ChangeTracker.DetectChanges();
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

                // Records added together with their unit were judged by the unit's parent (the unit had
                // no path yet); the audit trail files them under the unit itself, now that it has one.
                IndexTracked();
                for (var i = 0; i < pending.Count; i++)
                {
                    if (pending[i] is { State: EntityState.Added, Entry.Entity: not AdministrativeUnit })
                    {
                        pending[i] = pending[i] with { UnitPath = (await DescribeAsync(pending[i].Entry, cancellationToken)).UnitPaths[0] };
                    }
                }
            }

            await AuditWriter.InsertAsync(this, AuditEntriesFor(pending), cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private sealed record PendingAudit(EntityEntry Entry, EntityState State, string? Before, string UnitPath);

    /// <summary>Checks one change against the access policy; returns the unit path it belongs to.</summary>
    private async Task<string> AuthorizeAsync(EntityEntry entry, CancellationToken ct)
    {
        var actor = Actor;
        var (resource, unitPaths, organizationId) = await DescribeAsync(entry, ct);
        foreach (var path in unitPaths)
        {
            if (!AccessPolicy.CanWrite(actor, resource, path, organizationId) && !IsOwnProfileEdit(actor, entry) && !IsSubscriberSelfService(entry))
            {
                throw new AccessDeniedException($"{actor.Name} may not {entry.State.ToString().ToLowerInvariant()} this {entry.Metadata.ClrType.Name}.");
            }
        }

        // A child record that changes parent must also be writable where it comes from.
        if (entry.State == EntityState.Modified && await OriginalParentAsync(entry, ct) is { } origin
            && !AccessPolicy.CanWrite(actor, resource, origin.UnitPath, origin.OrganizationId))
        {
            throw new AccessDeniedException($"{actor.Name} may not move this {entry.Metadata.ClrType.Name} away from where it is.");
        }

        return unitPaths[0];
    }

    /// <summary>Where a contact, board member or duty shift was before its parent key changed; null when it did not.</summary>
    private async Task<(string UnitPath, int? OrganizationId)?> OriginalParentAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case OrganizationContact when entry.Property(nameof(OrganizationContact.OrganizationId)) is { IsModified: true } moved:
                var organizationId = (int)moved.OriginalValue!;
                return (await OrganizationUnitPathAsync(organizationId, ct), organizationId);
            case BoardMember when entry.Property(nameof(BoardMember.BoardId)) is { IsModified: true } moved:
                return (await BoardUnitPathAsync((int)moved.OriginalValue!, ct), null);
            case DutyShift when entry.Property(nameof(DutyShift.BoardId)) is { IsModified: true } moved:
                return (await BoardUnitPathAsync((int)moved.OriginalValue!, ct), null);
            case IUnitResource when entry.Property(nameof(IUnitResource.OwnerOrganizationId)).IsModified:
                return await OriginalReadinessOwnerAsync(entry, ct);
            default:
                return null;
        }
    }

    /// <summary>A user may change their own password and language, never their role or scope.</summary>
    private static bool IsOwnProfileEdit(Actor actor, EntityEntry entry) =>
        entry is { State: EntityState.Modified, Entity: User user }
        && user.Id == actor.UserId
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(User.PasswordHash) or nameof(User.Language) or nameof(User.Version) or nameof(User.DisplayName) or nameof(User.Email));

    /// <summary>The resource, the unit path(s) the change touches (old and new when a record moves), and its organisation.</summary>
    private async Task<(Resource Resource, string[] UnitPaths, int? OrganizationId)> DescribeAsync(EntityEntry entry, CancellationToken ct)
    {
        switch (entry.Entity)
        {
            case AdministrativeUnit unit:
                // A new unit is judged by its parent; a changed one by where it is and where it goes.
                if (entry.State == EntityState.Added)
                {
                    return (Resource.Territory, [unit.Parent?.Path ?? await UnitPathAsync(unit.ParentId, ct)], null);
                }

                var originalParent = (int?)entry.Property(nameof(AdministrativeUnit.ParentId)).OriginalValue;
                return originalParent == unit.ParentId
                    ? (Resource.Territory, [unit.Path], null)
                    : (Resource.Territory, [unit.Path, await UnitPathAsync(unit.ParentId, ct)], null);
            case UnitSuccession succession:
                return (Resource.Territory, [await UnitPathAsync(succession.SuccessorId, ct)], null);
            case Organization organization:
                return (Resource.Organizations, await PathsAsync(entry, nameof(Organization.UnitId), ct), entry.State == EntityState.Added ? null : organization.Id);
            case OrganizationContact contact:
                return (Resource.Organizations, [await OrganizationUnitPathAsync(KeyValue(entry, nameof(OrganizationContact.OrganizationId)), ct)], contact.OrganizationId);
            case CommandBoard:
                return (Resource.CommandBoards, await PathsAsync(entry, nameof(CommandBoard.UnitId), ct), null);
            case BoardMember:
                return (Resource.CommandBoards, [await BoardUnitPathAsync(KeyValue(entry, nameof(BoardMember.BoardId)), ct)], null);
            case DutyShift:
                return (Resource.CommandBoards, [await BoardUnitPathAsync(KeyValue(entry, nameof(DutyShift.BoardId)), ct)], null);
            case User:
                return (Resource.Users, await PathsAsync(entry, nameof(User.UnitId), ct), null);
            case ApiToken:
                return (Resource.ApiTokens, await PathsAsync(entry, nameof(ApiToken.UnitId), ct), null);
            case ReadinessNorm:
                return (Resource.ReadinessNorms, await PathsAsync(entry, nameof(ReadinessNorm.UnitId), ct), null);
            case UnitHazardProfile:
                return (Resource.ReadinessNorms, await PathsAsync(entry, nameof(UnitHazardProfile.UnitId), ct), null);
            case ReadinessSnapshot:
                // Derived scores: whoever may change the registry of a unit may record its score.
                return (Resource.Readiness, await PathsAsync(entry, nameof(ReadinessSnapshot.UnitId), ct), null);
            case IUnitResource or ForceSkill or StockCount or StockCountLine or EquipmentType:
                return await DescribeReadinessAsync(entry, ct);
            case Monitoring.Station or Monitoring.StationAlarmLevels or Monitoring.DraftWarning or Monitoring.RiskRule or Monitoring.Observation or Monitoring.StationWarningState:
                return await DescribeMonitoringAsync(entry, ct);
            case Alerts.Subscribers.Subscriber subscriber:
                return await DescribeSubscriberAsync(entry, subscriber, ct);
            default:
                return await DescribeAlertRecordAsync(entry, ct)
                    ?? await DescribePlanRecordAsync(entry, ct)
                    ?? throw new InvalidOperationException($"No access rule for {entry.Metadata.ClrType.Name}: add one before writing it.");
        }
    }

    private async Task<string[]> PathsAsync(EntityEntry entry, string unitIdProperty, CancellationToken ct)
    {
        var property = entry.Property(unitIdProperty);
        var current = await UnitPathAsync((int?)property.CurrentValue, ct);
        if (entry.State == EntityState.Added || Equals(property.OriginalValue, property.CurrentValue))
        {
            return [current];
        }

        return [await UnitPathAsync((int?)property.OriginalValue, ct), current];
    }

    private async Task<string> UnitPathAsync(int? unitId, CancellationToken ct)
    {
        if (unitId is null)
        {
            // Only the unrestricted system may create a root.
            return "";
        }

        var local = Tracked<AdministrativeUnit>(unitId.Value);
        if (local is { Entity: AdministrativeUnit { Path.Length: > 0 } known })
        {
            return known.Path;
        }

        if (local is { State: EntityState.Added })
        {
            // A unit created in this same save gets its path only once inserted; it lies where its parent does.
            return await UnitPathAsync((int?)local.Property(nameof(AdministrativeUnit.ParentId)).CurrentValue, ct);
        }

        return await Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct)
            ?? throw new AccessDeniedException("The unit does not exist.");
    }

    private async Task<string> OrganizationUnitPathAsync(int organizationId, CancellationToken ct)
    {
        var local = Tracked<Organization>(organizationId);
        return local is not null
            ? await UnitPathAsync(KeyValue(local, nameof(Organization.UnitId)), ct)
            : await Organizations.IgnoreQueryFilters().Where(o => o.Id == organizationId).Select(o => o.Unit.Path).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The organisation does not exist.");
    }

    private async Task<string> BoardUnitPathAsync(int boardId, CancellationToken ct)
    {
        var local = Tracked<CommandBoard>(boardId);
        return local is not null
            ? await UnitPathAsync(KeyValue(local, nameof(CommandBoard.UnitId)), ct)
            : await CommandBoards.IgnoreQueryFilters().Where(b => b.Id == boardId).Select(b => b.Unit.Path).SingleOrDefaultAsync(ct)
              ?? throw new AccessDeniedException("The command board does not exist.");
    }

    /// <summary>
    /// The tracked entry with this id. Records added in the same save carry temporary ids that EF
    /// keeps in the change tracker, not in the entity, so the lookup goes through the entries.
    /// </summary>
    private EntityEntry? Tracked<TEntity>(int id)
        where TEntity : class =>
        _trackedIndex is not null
            ? _trackedIndex.GetValueOrDefault((typeof(TEntity), id))
            : ChangeTracker.Entries<TEntity>().FirstOrDefault(e => Equals(e.Property("Id").CurrentValue, id));

    /// <summary>A foreign key as the change tracker sees it (a temporary value when the target is new in this save).</summary>
    private static int KeyValue(EntityEntry entry, string property) => (int)entry.Property(property).CurrentValue!;

    /// <summary>New units learn their ids only on insert, so their paths are set right after, parents first.</summary>
    private async Task<bool> AssignUnitPathsAsync(List<PendingAudit> pending, CancellationToken ct)
    {
        var added = pending.Where(p => p.State == EntityState.Added && p.Entry.Entity is AdministrativeUnit)
            .Select(p => (AdministrativeUnit)p.Entry.Entity)
            .ToList();
        if (added.Count == 0)
        {
            return false;
        }

        var byId = added.ToDictionary(u => u.Id);
        async Task<string> PathOf(AdministrativeUnit unit)
        {
            if (unit.Path.Length > 0)
            {
                return unit.Path;
            }

            var parentPath = unit.ParentId is null ? "/"
                : byId.TryGetValue(unit.ParentId.Value, out var parent) ? await PathOf(parent)
                : await UnitPathAsync(unit.ParentId, ct);
            unit.Path = parentPath + unit.Id + "/";
            return unit.Path;
        }

        foreach (var unit in added)
        {
            await PathOf(unit);
        }

        return true;
    }

    private List<AuditEntry> AuditEntriesFor(List<PendingAudit> pending)
    {
        var actor = Actor;
        var now = Clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>(pending.Count);
        foreach (var p in pending)
        {
            var entity = p.Entry.Entity;
            var unitPath = entity is AdministrativeUnit unit ? unit.Path : p.UnitPath;
            entries.Add(new AuditEntry
            {
                At = now,
                Actor = actor.TokenId is null ? actor.Name : "token:" + actor.Name,
                ActorUserId = actor.UserId,
                Action = p.State switch { EntityState.Added => "Create", EntityState.Deleted => "Delete", _ => "Update" },
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
                UnitId = UnitIdFromPath(unitPath),
                UnitPath = unitPath,
                Before = p.Before,
                After = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, original: false),
            });
        }

        return entries;
    }

    private static int? UnitIdFromPath(string path)
    {
        var last = path.TrimEnd('/').Split('/').LastOrDefault();
        return int.TryParse(last, out var id) ? id : null;
    }

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            var value = original ? property.OriginalValue : property.CurrentValue;
            values[name] = MaskedProperties.Contains(name) && value is string s
                ? $"[{s.Length} chars]"
                : value is Enum e ? e.ToString() : value;
        }

        return JsonSerializer.Serialize(values);
    }
}
