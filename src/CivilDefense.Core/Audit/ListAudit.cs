using CivilDefense.Core.Access;
using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Audit;

/// <summary>An audit entry in a list: who did what to which record, without the snapshots.</summary>
public sealed record AuditRow(long Id, DateTime At, string Actor, string Action, string EntityType, string EntityId, int? UnitId);

/// <summary>Rows read lazily; wrapped because a Result cannot convert from an interface.</summary>
public sealed record AuditStream(IAsyncEnumerable<AuditRow> Rows);

/// <summary>One audit entry with its before and after snapshots (JSON).</summary>
public sealed record AuditDetails(long Id, DateTime At, string Actor, int? ActorUserId, string Action, string EntityType, string EntityId, int? UnitId, string UnitPath, string? Before, string? After);

/// <summary>
/// The audit trail, newest first, for administrators and commanders. The query filter scopes it to
/// the actor's subtree; the role check here is needed because that filter does not know roles.
/// </summary>
public sealed class ListAudit(PtdsDbContext db)
{
    /// <summary>From and To are days (UTC), both inclusive, as people ask for "the 3rd to the 5th".</summary>
    public sealed record Query(
        DateOnly? From = null,
        DateOnly? To = null,
        string? Actor = null,
        string? EntityType = null,
        string? Action = null,
        string? EntityId = null);

    public async Task<Result<Page<AuditRow>>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.Audit))
        {
            return new ForbiddenError("Only administrators and commanders read the audit trail.");
        }

        return await Project(Filter(db.AuditEntries.AsNoTracking(), query)).ToPageAsync(page, ct);
    }

    /// <summary>All matching rows, streamed from the database, for exports of any size.</summary>
    public Result<AuditStream> Stream(Query query)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.Audit))
        {
            return new ForbiddenError("Only administrators and commanders read the audit trail.");
        }

        return new AuditStream(Project(Filter(db.AuditEntries.AsNoTracking(), query)).AsAsyncEnumerable());
    }

    public static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, Query query)
    {
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At < end);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            entries = entries.Where(a => a.Actor == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim();
            entries = entries.Where(a => a.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(a => a.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            var id = query.EntityId.Trim();
            entries = entries.Where(a => a.EntityId == id);
        }

        return entries.OrderByDescending(a => a.Id);
    }

    private static IQueryable<AuditRow> Project(IQueryable<AuditEntry> entries) =>
        entries.Select(a => new AuditRow(a.Id, a.At, a.Actor, a.Action, a.EntityType, a.EntityId, a.UnitId));
}

/// <summary>One audit entry in the actor's subtree; out of scope reads as not found.</summary>
public sealed class GetAuditEntry(PtdsDbContext db)
{
    public async Task<Result<AuditDetails>> HandleAsync(long id, CancellationToken ct)
    {
        if (!AccessPolicy.CanRead(db.Actor, Resource.Audit))
        {
            return new ForbiddenError("Only administrators and commanders read the audit trail.");
        }

        var entry = await db.AuditEntries.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AuditDetails(a.Id, a.At, a.Actor, a.ActorUserId, a.Action, a.EntityType, a.EntityId, a.UnitId, a.UnitPath, a.Before, a.After))
            .SingleOrDefaultAsync(ct);
        return entry is null ? new NotFoundError("No such audit entry.") : entry;
    }
}
