using CivilDefense.Core.Access;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Web.Features.Alerts;

/// <summary>
/// Whether to offer the write buttons: alerts and feeds belong to a province, so a user needs the
/// role and a unit at province level or above. The write guard decides anyway; this only hides
/// buttons that would be refused.
/// </summary>
public static class AlertPermissions
{
    public static async Task<bool> MayWriteAsync(PtdsDbContext db, Actor actor, Resource resource, CancellationToken ct)
    {
        if (!AccessPolicy.CanWriteAny(actor, resource))
        {
            return false;
        }

        return actor.UnitId is not { } unitId
            || await db.Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Level).SingleOrDefaultAsync(ct) <= 1;
    }
}
