using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Users;

/// <summary>
/// The units and organisations an administrator may pick when granting access: the query filters
/// already limit them to the administrator's subtree. Capped so a national administrator's form
/// stays usable; deeper units are reached by filtering the list by unit.
/// </summary>
public sealed record GrantChoices(IReadOnlyList<GrantChoices.Option> Units, IReadOnlyList<GrantChoices.Option> Organizations)
{
    public const int MaxOptions = 2000;

    public sealed record Option(int Id, string Label);

    public static async Task<GrantChoices> LoadAsync(PtdsDbContext db, CancellationToken ct)
    {
        var day = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.ValidTo == null || u.ValidTo >= day)
            .OrderBy(u => u.Level).ThenBy(u => u.Code).Take(MaxOptions)
            .Select(u => new Option(u.Id, u.Code + " · " + u.FullName))
            .ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .OrderBy(o => o.Name).Take(MaxOptions)
            .Select(o => new Option(o.Id, o.Name))
            .ToListAsync(ct);
        return new GrantChoices(units, organizations);
    }
}
