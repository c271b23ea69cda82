using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Alerts.Subscribers;

/// <summary>A commune the public registration page offers.</summary>
public sealed record PublicCommune(string Code, string Name, string FullName);

/// <summary>
/// The current communes and wards a resident may register in: those of the configured province
/// (one server serves one province), or every current commune when none is configured. Public
/// reference data, so it is read without the scope filter.
/// </summary>
public sealed class ListPublicCommunes(PtdsDbContext db)
{
    public async Task<IReadOnlyList<PublicCommune>> HandleAsync(string? provinceCode, CancellationToken ct)
    {
        var units = db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Level == 3);
        if (!string.IsNullOrWhiteSpace(provinceCode))
        {
            var path = await db.Units.IgnoreQueryFilters().Where(u => u.Code == provinceCode && u.Level == 1).Select(u => u.Path).FirstOrDefaultAsync(ct);
            units = path is null ? units.Where(_ => false) : units.Where(u => u.Path.StartsWith(path));
        }

        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var rows = await units.Where(u => u.ValidTo == null || u.ValidTo >= today)
            .OrderBy(u => u.Name).Select(u => new { u.Code, u.Name, u.FullName, u.ValidFrom }).ToListAsync(ct);
        return [.. rows.Where(u => u.ValidFrom is null || u.ValidFrom <= today).Select(u => new PublicCommune(u.Code, u.Name, u.FullName))];
    }
}
