using CivilDefense.Core.Common;
using CivilDefense.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CivilDefense.Core.Access;

/// <summary>
/// The checks shared by everything that hands out a role and a scope (users and API tokens): the
/// unit must exist and lie in the actor's subtree, and a liaison needs an organisation in that unit's
/// subtree. Units are looked up past the query filter so that a unit above the actor answers 403, not
/// "no such unit": unit codes are public, the refusal is the useful answer.
/// </summary>
internal static class UserGrants
{
    public sealed record Grant(int UnitId, string UnitPath, int? OrganizationId);

    public static async Task<Result<Grant>> CheckAsync(PtdsDbContext db, Role role, int unitId, int? organizationId, string unitField, string organizationField, CancellationToken ct)
    {
        var unitPath = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (unitPath is null)
        {
            return ValidationError.ForField(unitField, "The unit does not exist.");
        }

        if (!AccessPolicy.CanGrant(db.Actor, unitPath))
        {
            return new ForbiddenError("You may only grant access within your own unit's subtree.");
        }

        if (role != Role.AgencyLiaison)
        {
            // Only a liaison speaks for an organisation; for other roles it would silently narrow nothing.
            return new Grant(unitId, unitPath, null);
        }

        if (organizationId is null)
        {
            return ValidationError.ForField(organizationField, "An agency liaison needs an organisation.");
        }

        var organizationPath = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => o.Unit.Path).SingleOrDefaultAsync(ct);
        if (organizationPath is null || !organizationPath.StartsWith(unitPath, StringComparison.Ordinal))
        {
            return ValidationError.ForField(organizationField, "The organisation must belong to the chosen unit or a unit below it.");
        }

        return new Grant(unitId, unitPath, organizationId);
    }
}
