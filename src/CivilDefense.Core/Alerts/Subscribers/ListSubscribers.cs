using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>Filters of the subscriber list and its CSV export.</summary>
public sealed record SubscriberFilter(
    SubscriberKind? Kind = null,
    SubscriberStatus? Status = null,
    int? UnitId = null,
    int? OrganizationId = null,
    string? Language = null,
    string? Search = null);

/// <summary>
/// Subscribers in the actor's scope, filtered, with personal data masked for the roles that may
/// not see it. The search matches names, and phone and e-mail only for those who may see them, so
/// a masked list cannot be probed for a number.
/// </summary>
public sealed class ListSubscribers(PtdsDbContext db)
{
    public const int MaxExportRows = 100_000;

    public async Task<Page<SubscriberView>> HandleAsync(SubscriberFilter filter, PageQuery page, CancellationToken ct)
    {
        var result = await SubscriberQueries.Project(Filtered(filter)).ToPageAsync(page, ct);
        return result with { Items = [.. result.Items.Select(v => SubscriberPrivacy.Apply(db.Actor, v))] };
    }

    public async Task<IReadOnlyList<SubscriberView>> ExportAsync(SubscriberFilter filter, CancellationToken ct)
    {
        var rows = await SubscriberQueries.Project(Filtered(filter)).Take(MaxExportRows).ToListAsync(ct);
        return [.. rows.Select(v => SubscriberPrivacy.Apply(db.Actor, v))];
    }

    private IQueryable<Subscriber> Filtered(SubscriberFilter filter)
    {
        var query = db.Subscribers.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(s => s.Kind == kind);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(s => s.Status == status);
        }

        if (filter.UnitId is { } unitId)
        {
            // A unit filter takes its whole subtree: a province lists its communes' subscribers.
            var path = db.Units.Where(u => u.Id == unitId).Select(u => u.Path);
            query = query.Where(s => path.Any(p => s.Unit.Path.StartsWith(p)));
        }

        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(s => s.OrganizationId == organizationId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Language))
        {
            query = query.Where(s => s.Language == filter.Language);
        }

        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var text = filter.Search.Trim();
            var lower = text.ToLowerInvariant();
            var actor = db.Actor;
            var personal = SubscriberPrivacy.MaySeePersonalData(actor, null);
            var ownOrganization = actor.OrganizationId;
            query = query.Where(s => s.Name.ToLower().Contains(lower)
                || ((personal || (ownOrganization != null && s.OrganizationId == ownOrganization))
                    && ((s.Phone != null && s.Phone.Contains(text)) || (s.Email != null && s.Email.Contains(lower)))));
        }

        return query.OrderBy(s => s.Name).ThenBy(s => s.Id);
    }
}
