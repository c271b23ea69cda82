using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Organizations;

/// <summary>Organisations in the actor's scope, filtered by unit subtree, kind, text and state.</summary>
public sealed class ListOrganizations(PtdsDbContext db)
{
    public sealed record Query(
        int? UnitId = null,
        OrganizationKind? Kind = null,
        string? Search = null,
        bool? IsActive = null);

    public async Task<Page<OrganizationSummary>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        var organizations = await FilterAsync(query, ct);
        return await organizations
            .OrderBy(o => o.Unit.Path).ThenBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OrganizationSummary(
                o.Id, o.UnitId, o.Unit.FullName, o.Kind, o.Name, o.ShortName, o.Phone, o.Email, o.IsActive,
                db.OrganizationContacts.Count(c => c.OrganizationId == o.Id), o.Version))
            .ToPageAsync(page, ct);
    }

    /// <summary>The filtered rows, shared with the CSV export so both show the same organisations.</summary>
    public async Task<IQueryable<Organization>> FilterAsync(Query query, CancellationToken ct)
    {
        var organizations = db.Organizations.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            // A unit out of scope has no visible path, and so no organisations.
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            organizations = path is null ? organizations.Where(o => false) : organizations.Where(o => o.Unit.Path.StartsWith(path));
        }

        if (query.Kind is { } kind)
        {
            organizations = organizations.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            organizations = organizations.Where(o => o.Name.ToLower().Contains(term) || (o.ShortName != null && o.ShortName.ToLower().Contains(term)));
        }

        if (query.IsActive is { } active)
        {
            organizations = organizations.Where(o => o.IsActive == active);
        }

        return organizations;
    }
}
