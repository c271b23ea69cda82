using CivilDefense.Core.Alerts.Issuing;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// The province a page acts for: the user's own; for an account above province level (the
/// national administrator of a one-province server), the deployment's (<c>Alerts:ProvinceCode</c>).
/// </summary>
public static class DeploymentProvince
{
    public static Task<int?> IdAsync(PtdsDbContext db, AlertsOptions options, CancellationToken ct)
    {
        var path = db.Actor.UnitPath ?? "";
        return db.Units.IgnoreQueryFilters().Where(u => u.Level == 1 && (path.StartsWith(u.Path) || u.Path.StartsWith(path)))
            .OrderBy(u => u.Code == options.ProvinceCode ? 0 : 1).ThenBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
    }
}
