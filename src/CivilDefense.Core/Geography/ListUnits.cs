using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Geography;

/// <summary>Units in the actor's scope, filtered; the tree is browsed by asking for a parent's children.</summary>
public sealed class ListUnits(PtdsDbContext db)
{
    public sealed record Query(
        int? ParentId = null,
        string? Search = null,
        UnitKind? Kind = null,
        int? Level = null,
        bool IncludeFormer = false,
        DateOnly? ValidOn = null);

    public async Task<Page<UnitSummary>> HandleAsync(Query query, PageQuery page, CancellationToken ct)
    {
        var units = Filter(db.Units.AsNoTracking(), query, db.Clock);
        return await units
            .OrderBy(u => u.Level).ThenBy(u => u.Code)
            .Select(u => new UnitSummary(
                u.Id, u.Code, u.ParentId, u.Kind, u.Level, u.Name, u.NameEn, u.FullName, u.Population, u.Households, u.AreaKm2,
                u.ValidFrom, u.ValidTo, db.Units.Count(c => c.ParentId == u.Id), u.Version))
            .ToPageAsync(page, ct);
    }

    /// <summary>The filter, shared with the CSV export so both show the same rows.</summary>
    public static IQueryable<AdministrativeUnit> Filter(IQueryable<AdministrativeUnit> units, Query query, TimeProvider clock)
    {
        if (query.ParentId is { } parentId)
        {
            units = units.Where(u => u.ParentId == parentId);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            units = units.Where(u => u.Code == query.Search.Trim() || u.Name.ToLower().Contains(term) || (u.NameEn != null && u.NameEn.ToLower().Contains(term)));
        }

        if (query.Kind is { } kind)
        {
            units = units.Where(u => u.Kind == kind);
        }

        if (query.Level is { } level)
        {
            units = units.Where(u => u.Level == level);
        }

        if (!query.IncludeFormer)
        {
            var day = query.ValidOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            units = units.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        }

        return units;
    }
}
