using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Resources.Registry;

/// <summary>Registry records in the actor's scope, filtered by unit subtree, category or kind, owner and text.</summary>
public sealed class ListRecords(PtdsDbContext db)
{
    public sealed record Query(int? UnitId = null, string? Category = null, int? OwnerOrganizationId = null, string? Search = null);

    public async Task<Result<Page<TView>>> HandleAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, Query query, PageQuery page, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var (records, error) = await FilterAsync(kind, query, ct);
        if (error is not null)
        {
            return error;
        }

        return await records!.OrderBy(e => e.UnitId).ThenBy(e => e.Id).Select(kind.Projection).ToPageAsync(page, ct);
    }

    /// <summary>The filtered records, shared with the export so both show the same rows.</summary>
    public async Task<(IQueryable<TEntity>? Records, Error? Error)> FilterAsync<TEntity, TInput, TView>(RegistryKind<TEntity, TInput, TView> kind, Query query, CancellationToken ct)
        where TEntity : class, IUnitResource, IVersioned
        where TInput : class, IRegistryInput
        where TView : IRegistryView
    {
        var records = db.Set<TEntity>().AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            // A unit out of scope has no visible path, and so no records.
            var path = await db.Units.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
            var subtree = db.Units.Where(u => path != null && u.Path.StartsWith(path)).Select(u => u.Id);
            records = records.Where(e => subtree.Contains(e.UnitId));
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            if (kind.Category(query.Category.Trim()) is not { } category)
            {
                return (null, ValidationError.ForField("category", $"'{query.Category}' is not a category of {kind.Name}."));
            }

            records = records.Where(category);
        }

        if (query.OwnerOrganizationId is { } owner)
        {
            records = records.Where(e => e.OwnerOrganizationId == owner);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            records = records.Where(kind.Search(query.Search.Trim().ToLower()));
        }

        return (records, null);
    }
}
